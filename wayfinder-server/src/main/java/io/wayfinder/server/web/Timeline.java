package io.wayfinder.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.store.Database;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's events, newest first, a page at a time with their properties. Paging is by key
 * ({@code before} = the id of the last event shown), so events arriving meanwhile neither repeat
 * nor shift a page.
 */
final class Timeline {
  private final Database db;

  Timeline(Database db) {
    this.db = db;
  }

  /** Up to {@code limit} events of the profile older than event {@code before} (null: the newest). */
  Map<String, Object> page(long profileId, Long before, int limit) {
    List<Object> args = new ArrayList<>(List.of(profileId));
    String older = "";
    if (before != null) {
      List<Map<String, Object>> anchor = Sql.rows(db, "SELECT ts FROM events WHERE id = ? AND profile_id = ?", List.of(before, profileId));
      if (anchor.isEmpty()) throw new ApiException(400, "before: event " + before + " is not on customer " + profileId + "'s timeline");
      older = " AND (ts < CAST(? AS TIMESTAMPTZ) OR (ts = CAST(? AS TIMESTAMPTZ) AND id < ?))";
      Object ts = anchor.get(0).get("ts");
      args.addAll(List.of(ts, ts, before));
    }
    args.add(limit + 1);
    List<Map<String, Object>> rows = Sql.rows(db, "SELECT id, ts AS at, type, name, channel, touchpoint, source, "
        + "CAST(properties AS VARCHAR) AS properties FROM events WHERE profile_id = ?" + older
        + " ORDER BY ts DESC, id DESC LIMIT ?", args);
    boolean more = rows.size() > limit;
    List<Map<String, Object>> events = new ArrayList<>(rows.subList(0, Math.min(limit, rows.size())));
    for (Map<String, Object> e : events) e.put("properties", properties((String) e.get("properties")));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("events", events);
    out.put("next", more ? events.get(events.size() - 1).get("id") : null);
    return out;
  }

  private static Object properties(String json) {
    if (json == null) return Map.of();
    try {
      JsonNode n = JsonSupport.MAPPER.readTree(json);
      return n == null || !n.isObject() ? Map.of() : n;
    } catch (IOException e) {
      return Map.of();
    }
  }
}
