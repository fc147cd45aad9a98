package io.wayfinder.core.voc.kpi;

import java.util.List;
import java.util.Optional;

/** The rows of a breakdown, sorted by key and then period. */
public record BreakdownResult(Breakdown breakdown, List<BreakdownRow> rows) {
  public BreakdownResult {
    rows = List.copyOf(rows);
  }

  /** The rows of one group (its trend when the breakdown has a period), oldest first. */
  public List<BreakdownRow> rows(String... key) {
    List<String> k = List.of(key);
    return rows.stream().filter(r -> r.key().equals(k)).toList();
  }

  /** The single row of a group in a breakdown without period. */
  public Optional<BreakdownRow> row(String... key) {
    List<BreakdownRow> found = rows(key);
    if (found.size() > 1) throw new IllegalStateException("group " + List.of(key) + " has one row per period");
    return found.stream().findFirst();
  }
}
