package io.wayfinder.core.journey.paths;

import java.util.List;

/**
 * Paths from an anchor. Every number reconciles: at each step the node counts plus
 * {@code ended} equal {@code paths}, and the links leaving a node add up to its count.
 *
 * @param paths sequences (sessions or journey instances) that hold the anchor, one path each; with
 *     {@code occurrences=every}, anchor events
 * @param steps per position 1..N (1 = right after the anchor, or right before it)
 * @param links between positions: from position 0 (the anchor) onwards; {@code to} may be {@code (end)}
 */
public record PathReport(String anchor, String direction, int paths, List<Step> steps, List<Link> links) {
  public static final String OTHER = "(other)";
  public static final String END = "(end)";

  /**
   * @param nodes the top events at this position, then {@code (other)} when anything was pooled
   * @param dropOff paths that ended right before this position
   * @param ended paths that ended at or before this position (the sum of drop-offs so far)
   */
  public record Step(int position, List<Node> nodes, int dropOff, int ended) {}

  public record Node(String event, int count, double share) {}

  public record Link(int fromPosition, String from, String to, int count) {}
}
