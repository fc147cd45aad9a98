package io.wayfinder.server.web;

import io.wayfinder.store.Database;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The overview's data in one answer: NPS, CSAT and CES per journey with 95 % intervals, their
 * monthly trend, and the latest verbatims. Conversion, pain points and value at risk come from the
 * journey and value APIs, which the page asks itself.
 */
final class Overview {
  private final Database db;
  private final SurveyCounts counts;

  Overview(Database db, SurveyCounts counts) {
    this.db = db;
    this.counts = counts;
  }

  /** The period's figures; with {@code previous}, also the headline figures of the equally long period just before. */
  Map<String, Object> read(Period period, boolean previous) {
    Map<String, Object> out = headline(period);
    out.put("journeys", counts.count(period, " AND journey IS NOT NULL", List.of(), "journey").rows("journey"));
    out.put("trend", counts.count(period, " AND journey IS NOT NULL", List.of(), "journey",
        "strftime(timezone('UTC', ts), '%Y-%m')").rows("journey", "month"));
    out.put("feedback", Sql.rows(db, "SELECT ts AS at, journey, stage, survey, qtype AS scale, score, comment, "
        + "profile_id AS \"customerId\" FROM (" + SurveyCounts.RESPONSES + period.where("ts") + ") r "
        + "WHERE comment IS NOT NULL AND comment <> '' ORDER BY ts DESC LIMIT 8", bounds(period)));
    if (previous && period.from() != null && period.to() != null) {
      Period before = new Period(period.from().minus(java.time.Duration.between(period.from(), period.to())), period.from());
      Map<String, Object> p = headline(before);
      p.put("from", before.from().toString());
      p.put("to", before.to().toString());
      out.put("previous", p);
    }
    return out;
  }

  private Map<String, Object> headline(Period period) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Object> bounds = bounds(period);
    out.put("range", Sql.rows(db, "SELECT min(ts) AS \"firstEvent\", max(ts) AS \"lastEvent\", count(*) AS events, "
        + "count(DISTINCT profile_id) AS customers FROM events WHERE true" + period.where("ts"), bounds).get(0));
    out.put("overall", counts.count(period, "", List.of()).rows().stream().findFirst().orElse(Map.of()));
    return out;
  }

  private static List<Object> bounds(Period period) {
    List<Object> bounds = new ArrayList<>();
    if (period.from() != null) bounds.add(period.from());
    if (period.to() != null) bounds.add(period.to());
    return bounds;
  }
}
