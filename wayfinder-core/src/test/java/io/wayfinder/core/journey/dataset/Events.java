package io.wayfinder.core.journey.dataset;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Hand-built datasets for tests: events by customer, name, minute offset and channel. */
public final class Events {
  public static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
  private final JourneyDatasetBuilder b = new JourneyDatasetBuilder();

  /** Adds {@code name} for {@code customer} at {@code minute} minutes after T0 on the web. */
  public Events at(String customer, double minute, String name) {
    return at(customer, minute, name, "web");
  }

  public Events at(String customer, double minute, String name, String channel) {
    return at(customer, minute, name, channel, Map.of());
  }

  public Events at(String customer, double minute, String name, String channel, Map<String, ?> props) {
    b.add(customer, name, channel, T0.plusMillis(Math.round(minute * 60_000)), new HashMap<>(props));
    return this;
  }

  /** Adds the events of one customer, one minute apart from {@code start}. */
  public Events sequence(String customer, double start, String... names) {
    for (int k = 0; k < names.length; k++) at(customer, start + k, names[k]);
    return this;
  }

  public Events trait(String customer, String key, String value) {
    b.trait(customer, key, value);
    return this;
  }

  public JourneyDataset build() {
    return b.build();
  }
}
