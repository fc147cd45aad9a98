package io.wayfinder.core.journey.dataset;

import io.wayfinder.core.event.Event;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link JourneyDataset} one event at a time (tests, in-process generated data, files).
 * Events may come in any order; equal timestamps keep the order they were added in.
 */
public final class JourneyDatasetBuilder {
  /** Properties kept as columns unless told otherwise: enough for the journey conventions. */
  public static final Set<String> DEFAULT_PROPERTIES = Set.of("journey", "stage");

  private final JourneyIndexBuilder index = new JourneyIndexBuilder();
  private final ColumnBuilder channel = new ColumnBuilder();
  private final ColumnBuilder touchpoint = new ColumnBuilder();
  private final Map<String, ColumnBuilder> properties = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> traits = new HashMap<>();
  private final List<SurveyAnswer> surveys = new ArrayList<>();
  private double[] revenue = new double[0];
  private boolean anyRevenue;
  private int size;

  public JourneyDatasetBuilder() {
    this(DEFAULT_PROPERTIES);
  }

  /** A builder that keeps these property keys as columns. */
  public JourneyDatasetBuilder(Set<String> propertyKeys) {
    for (String k : propertyKeys) properties.put(k, new ColumnBuilder());
  }

  /** Adds an event of {@code customer}; its touchpoint is the {@code touchpoint} property or the name. */
  public JourneyDatasetBuilder add(String customer, String name, String channelName, Instant time,
      Map<String, ?> props) {
    Map<String, ?> p = props == null ? Map.of() : props;
    index.add(customer, name, null, JourneyIndexBuilder.micros(time));
    channel.add(channelName);
    Object tp = p.get("touchpoint");
    touchpoint.add(tp == null ? name : tp.toString());
    properties.forEach((k, col) -> {
      Object v = p.get(k);
      col.add(v == null ? null : v.toString());
    });
    if (size == revenue.length) {
      int old = revenue.length;
      revenue = Arrays.copyOf(revenue, Math.max(1024, old * 2));
      Arrays.fill(revenue, old, revenue.length, Double.NaN);
    }
    if (JourneyDataset.REVENUE_EVENT.equals(name) && p.get("revenue") instanceof Number n) {
      revenue[size] = n.doubleValue();
      anyRevenue = true;
    }
    if (JourneyDataset.SURVEY_EVENT.equals(name)) surveys.add(SurveyAnswer.fromProperties(size, p));
    size++;
    return this;
  }

  /** Adds a collected event under the given customer name (its profile, when resolved elsewhere). */
  public JourneyDatasetBuilder add(String customer, Event e) {
    return add(customer, e.name() == null ? e.type().name().toLowerCase() : e.name(), e.channel(), e.timestamp(),
        e.properties());
  }

  /** Sets a trait of a customer, for segments. */
  public JourneyDatasetBuilder trait(String customer, String key, String value) {
    traits.computeIfAbsent(key, k -> new HashMap<>()).put(customer, value);
    return this;
  }

  public JourneyDataset build() {
    JourneyIndex idx = index.build();
    Map<String, Column> cols = new HashMap<>();
    properties.forEach((k, b) -> cols.put(k, b.build()));
    Map<String, Column> traitCols = new HashMap<>();
    traits.forEach((key, byCustomer) -> {
      ColumnBuilder b = new ColumnBuilder();
      for (int c = 0; c < idx.caseCount(); c++) b.add(byCustomer.get(idx.caseName(c)));
      traitCols.put(key, b.build());
    });
    return JourneyDataset.ofLoadOrder(idx, channel.build(), touchpoint.build(), cols,
        anyRevenue ? Arrays.copyOf(revenue, size) : null, surveys, traitCols);
  }

  /** Dictionary-encodes text values as they come; used by loaders too. */
  public static final class ColumnBuilder {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();
    private int[] codes = new int[1024];
    private int n;

    public void add(String value) {
      if (n == codes.length) codes = Arrays.copyOf(codes, n * 2);
      codes[n++] = value == null ? -1 : ids.computeIfAbsent(value, v -> {
        values.add(v);
        return values.size() - 1;
      });
    }

    public Column build() {
      return new Column(values.toArray(String[]::new), Arrays.copyOf(codes, n));
    }
  }
}
