package io.wayfinder.core.voc.drivers;

import java.util.List;

/**
 * The result of a key-driver analysis: the model's R², the number of complete rows used and the
 * drivers ordered by relative weight, most important first.
 */
public record KeyDriverResult(String outcome, int rows, double rSquared, List<DriverImportance> drivers) {
  public KeyDriverResult {
    drivers = List.copyOf(drivers);
  }

  /** The driver of the given name. */
  public DriverImportance driver(String name) {
    return drivers.stream().filter(d -> d.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no driver " + name));
  }
}
