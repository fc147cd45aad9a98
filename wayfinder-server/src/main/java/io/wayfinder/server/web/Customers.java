package io.wayfinder.server.web;

import io.wayfinder.store.Database;
import java.util.List;
import java.util.Map;

/** Customer search and each customer's journeys, read from the event log and the identity tables. */
final class Customers {
  private static final String SUMMARY = "SELECT p.id, "
      + "(SELECT max(value) FROM identities i WHERE i.profile_id = p.id AND kind = 'user_id') AS \"userId\", "
      + "(SELECT max(value) FROM identities i WHERE i.profile_id = p.id AND kind = 'email') AS email, "
      + "(SELECT arg_max(value->>'$', set_at) FROM trait_history t WHERE t.profile_id = p.id AND trait = 'name') AS name, "
      + "e.events, e.\"lastSeen\" FROM profiles p JOIN (SELECT profile_id, count(*) AS events, max(ts) AS \"lastSeen\" "
      + "FROM events GROUP BY profile_id) e ON e.profile_id = p.id WHERE p.merged_into IS NULL ";

  private final Database db;

  Customers(Database db) {
    this.db = db;
  }

  /** Customers whose id, e-mail, anonymous id or name contains {@code q} (all when blank), most active first. */
  List<Map<String, Object>> search(String q, int limit) {
    if (q == null || q.isBlank()) {
      return Sql.rows(db, SUMMARY + "ORDER BY e.events DESC, p.id LIMIT " + limit, List.of());
    }
    String like = "%" + q.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return Sql.rows(db, SUMMARY + "AND (CAST(p.id AS VARCHAR) = ? OR p.id IN (SELECT profile_id FROM identities WHERE lower(value) LIKE ? ESCAPE '\\') "
        + "OR p.id IN (SELECT profile_id FROM trait_history WHERE trait = 'name' AND lower(value->>'$') LIKE ? ESCAPE '\\')) "
        + "ORDER BY e.events DESC, p.id LIMIT " + limit, List.of(q.strip(), like, like));
  }

  /** Per journey the customer was on: events, first and last, the stages reached in order and the last one. */
  List<Map<String, Object>> journeys(long profileId) {
    return Sql.rows(db, "SELECT journey, count(*) AS events, min(ts) AS first, max(ts) AS last, "
        + "list(DISTINCT stage ORDER BY stage) AS stages, arg_max(stage, ts) AS \"lastStage\", arg_max(name, ts) AS \"lastEvent\", "
        + "list(DISTINCT channel ORDER BY channel) AS channels FROM (SELECT properties->>'$.journey' AS journey, "
        + "properties->>'$.stage' AS stage, name, ts, channel FROM events WHERE profile_id = ?) WHERE journey IS NOT NULL "
        + "GROUP BY journey ORDER BY first", List.of(profileId));
  }
}
