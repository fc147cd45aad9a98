package io.wayfinder.core.journey.dataset;

import io.wayfinder.core.journey.index.EventLayout;
import io.wayfinder.core.journey.index.IndexUpdater;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.UpdatedIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link JourneyIndex} with the event attributes journey analytics need beside case, activity
 * and time: channel, touchpoint, selected properties (dictionary-encoded columns), revenue,
 * survey answers, and per-customer traits for segments. Every per-event column is in the index's
 * time-sorted order, so event {@code i} is the same event in all of them.
 *
 * <p>Build one with {@link JourneyDatasetBuilder}, or from columns in load order with
 * {@link #ofLoadOrder}; fold appended events into one with {@link #updated}.
 */
public final class JourneyDataset {
  /** The event whose {@code revenue} property is the value customers bring. */
  public static final String REVENUE_EVENT = "Order Completed";
  /** The event that carries survey answers in its properties. */
  public static final String SURVEY_EVENT = "Survey Response";

  private final JourneyIndex index;
  private final Column channel;
  private final Column touchpoint;
  private final Map<String, Column> properties;
  private final double[] revenue;
  private final List<SurveyAnswer> surveys;
  private final Map<String, Column> traits;
  private final int[] activityOfClass;
  private final double[] revenueByCase;

  private JourneyDataset(JourneyIndex index, Column channel, Column touchpoint, Map<String, Column> properties,
      double[] revenue, List<SurveyAnswer> surveys, Map<String, Column> traits) {
    this.index = index;
    this.channel = channel;
    this.touchpoint = touchpoint;
    this.properties = Map.copyOf(properties);
    this.revenue = revenue;
    this.surveys = List.copyOf(surveys);
    this.traits = Map.copyOf(traits);
    this.activityOfClass = new int[index.eventClassCount()];
    for (int k = 0; k < activityOfClass.length; k++) activityOfClass[k] = index.classActivity(k);
    this.revenueByCase = new double[index.caseCount()];
    if (revenue != null) {
      int[] caseOf = index.caseColumn();
      for (int i = 0; i < revenue.length; i++) if (!Double.isNaN(revenue[i])) revenueByCase[caseOf[i]] += revenue[i];
    }
  }

  /**
   * A dataset from columns in load order (position {@code p} = the index's original position
   * {@code p}); they are permuted into the index's sorted order. {@code revenue} may be null
   * (no revenue), its entries NaN for events without one; survey answers carry load positions.
   * {@code traits} are per case id of the index.
   */
  public static JourneyDataset ofLoadOrder(JourneyIndex index, Column channel, Column touchpoint,
      Map<String, Column> properties, double[] revenue, List<SurveyAnswer> surveys, Map<String, Column> traits) {
    int[] order = index.positionColumn();
    int[] sortedOf = new int[order.length];
    for (int k = 0; k < order.length; k++) sortedOf[order[k]] = k;
    Map<String, Column> props = new HashMap<>();
    properties.forEach((k, c) -> props.put(k, c.permuted(order)));
    double[] rev = null;
    if (revenue != null) {
      rev = new double[order.length];
      for (int k = 0; k < order.length; k++) rev[k] = revenue[order[k]];
    }
    List<SurveyAnswer> answers = new ArrayList<>(surveys.size());
    for (SurveyAnswer a : surveys) answers.add(a.at(sortedOf[a.event()]));
    answers.sort(Comparator.comparingInt(SurveyAnswer::event));
    return new JourneyDataset(index, channel.permuted(order), touchpoint.permuted(order), props, rev, answers, traits);
  }

  /**
   * This dataset with a change folded in: the same as loading the changed event log from
   * scratch, at the cost of copying the columns. This dataset is not modified, so queries still
   * running on it are not disturbed.
   */
  public JourneyDataset updated(DatasetChange change) {
    if (!change.properties().keySet().equals(properties.keySet())) {
      throw new IllegalArgumentException("property changes " + change.properties().keySet() + ", columns " + properties.keySet());
    }
    UpdatedIndex u = IndexUpdater.apply(index, change.index());
    EventLayout layout = u.layout();
    Map<String, Column> props = new HashMap<>();
    properties.forEach((k, c) -> props.put(k, c.updated(layout, change.properties().get(k))));
    double[] rev = null;
    if (revenue != null || change.revenue() != null) {
      rev = layout.gather(revenue != null ? revenue : nans(index.eventCount()),
          change.revenue() != null ? change.revenue() : nans(change.index().appendedCount()));
    }
    List<SurveyAnswer> answers = new ArrayList<>(surveys.size() + change.surveys().size());
    for (SurveyAnswer a : surveys) answers.add(a.at(layout.newIndexOfOld(a.event())));
    for (SurveyAnswer a : change.surveys()) answers.add(a.at(layout.newIndexOfAppended(a.event())));
    answers.sort(Comparator.comparingInt(SurveyAnswer::event));
    return new JourneyDataset(u.index(), channel.updated(layout, change.channel()),
        touchpoint.updated(layout, change.touchpoint()), props, rev, answers, change.traits());
  }

  private static double[] nans(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }

  public JourneyIndex index() {
    return index;
  }

  public int eventCount() {
    return index.eventCount();
  }

  public int caseCount() {
    return index.caseCount();
  }

  /** The activity (event name) id of event {@code i}; names via {@code index().activityName}. */
  public int activity(int i) {
    return activityOfClass[index.eventClassColumn()[i]];
  }

  public String eventName(int i) {
    return index.activityName(activity(i));
  }

  public Column channel() {
    return channel;
  }

  public Column touchpoint() {
    return touchpoint;
  }

  /** The loaded property column {@code key}, or null when it was not loaded. */
  public Column property(String key) {
    return properties.get(key);
  }

  public Set<String> propertyKeys() {
    return properties.keySet();
  }

  /** Revenue of event {@code i}, or NaN. */
  public double revenue(int i) {
    return revenue == null ? Double.NaN : revenue[i];
  }

  /** Total revenue of case {@code c} over the dataset: the customer's value until CLV exists. */
  public double customerValue(int c) {
    return revenueByCase[c];
  }

  /** Survey answers in event order. */
  public List<SurveyAnswer> surveys() {
    return surveys;
  }

  /** The trait column {@code key} (per case id), or null. */
  public Column trait(String key) {
    return traits.get(key);
  }

  public Set<String> traitKeys() {
    return traits.keySet();
  }

  /** The id of the activity called {@code name}, or -1. */
  public int activityId(String name) {
    for (int a = 0; a < index.activityCount(); a++) if (index.activityName(a).equals(name)) return a;
    return -1;
  }

  /** Compiles a filter into a fast per-event test. A property filter on an unloaded key fails. */
  public EventTest compile(EventFilter f) {
    return EventTest.compile(this, f);
  }
}
