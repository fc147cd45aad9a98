package io.wayfinder.core.voc.drivers;

import java.util.Objects;

/**
 * A named numeric column: an outcome (NPS score, CSAT, churned 0/1, converted 0/1) or a driver
 * (a touchpoint score, waiting time, number of contacts, channel switches), one value per
 * customer or response. {@code NaN} marks a missing value; such rows are left out.
 */
public record DriverVariable(String name, double[] values) {
  public DriverVariable {
    Objects.requireNonNull(name, "name");
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  double value(int row) {
    return values[row];
  }

  int size() {
    return values.length;
  }
}
