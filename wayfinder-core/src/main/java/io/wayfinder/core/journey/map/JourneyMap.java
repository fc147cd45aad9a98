package io.wayfinder.core.journey.map;

import java.util.List;

/**
 * A journey's map: its stages in order with volumes, conversion, time spent and KPI slots, and
 * the directly-follows graph of its touchpoints (Sankey data) with each node placed in a stage.
 *
 * @param instances instances found
 * @param conversion converted / instances (null when none)
 */
public record JourneyMap(
    String journey, String name, String owner, int instances, int converted, Double conversion,
    List<StageSummary> stages, List<Node> nodes, List<Link> links) {

  /**
   * @param instances instances that reached the stage
   * @param shareOfInstances instances / all instances
   * @param conversion share of them that converted
   * @param medianSecondsInStage median time from entering the stage to entering a later one (or its last event)
   */
  public record StageSummary(
      String name, int instances, double shareOfInstances, Double conversion, Double medianSecondsInStage, Kpis kpis) {}

  /** KPI slots of a stage, filled from "Survey Response" events with this journey and stage; null when no answers. */
  public record Kpis(Kpi nps, Kpi csat, Kpi ces, Sentiment sentiment) {}

  /** A KPI in its display unit with its 95 % interval (null bounds when undefined). */
  public record Kpi(long responses, Double value, Double low, Double high) {}

  /** Mean VADER compound score of the comments and the share classed negative. */
  public record Sentiment(int comments, double meanCompound, double negativeShare) {}

  public record Node(String event, String stage, int events, int customers) {}

  public record Link(String from, String to, int count, Double medianSeconds) {}
}
