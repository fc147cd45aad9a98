package io.wayfinder.core.voc.sentiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accumulates scored texts per group (touchpoint, journey stage, channel …) and reports mean
 * sentiment and the most frequent positive and negative terms per group. Ordered by a given
 * stage order, the result is the journey's emotional curve. Not thread-safe: one per query.
 */
public final class SentimentByGroup {
  private final SentimentAnalyzer analyzer;
  private final int topTerms;
  private final Map<String, Group> groups = new LinkedHashMap<>();

  /** @param topTerms how many positive and how many negative terms to keep per group */
  public SentimentByGroup(SentimentAnalyzer analyzer, int topTerms) {
    if (topTerms < 0) throw new IllegalArgumentException("topTerms must be ≥ 0, got " + topTerms);
    this.analyzer = analyzer;
    this.topTerms = topTerms;
  }

  /** Scores the text and adds it to its group. */
  public SentimentByGroup add(String group, String text) {
    SentimentAnalyzer.TextSentiment s = analyzer.analyse(text);
    Group g = groups.computeIfAbsent(group, k -> new Group());
    g.texts++;
    g.compoundSum += s.score().compound();
    switch (s.score().sentimentClass()) {
      case POSITIVE -> g.positive++;
      case NEGATIVE -> g.negative++;
      case NEUTRAL -> { }
    }
    for (SentimentTerm t : s.terms()) {
      (t.valence() > 0 ? g.positiveTerms : g.negativeTerms).merge(t.term(), 1L, Long::sum);
    }
    return this;
  }

  /** Every group, in the order first seen. */
  public List<GroupSentiment> groups() {
    return curve(List.of());
  }

  /**
   * The groups in the given order (e.g. the journey's stages), followed by any other groups in the
   * order first seen; groups in {@code order} without texts are left out.
   */
  public List<GroupSentiment> curve(List<String> order) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : order) if (groups.containsKey(name)) names.add(name);
    names.addAll(groups.keySet());
    List<GroupSentiment> out = new ArrayList<>(names.size());
    for (String name : names) {
      Group g = groups.get(name);
      out.add(new GroupSentiment(name, g.texts, g.compoundSum / g.texts,
          (double) g.positive / g.texts, (double) g.negative / g.texts,
          top(g.positiveTerms), top(g.negativeTerms)));
    }
    return out;
  }

  private List<TermCount> top(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(topTerms)
        .map(e -> new TermCount(e.getKey(), e.getValue()))
        .toList();
  }

  private static final class Group {
    long texts;
    double compoundSum;
    long positive;
    long negative;
    final Map<String, Long> positiveTerms = new HashMap<>();
    final Map<String, Long> negativeTerms = new HashMap<>();
  }
}
