package io.wayfinder.server.web;

import io.wayfinder.store.Database;
import java.util.List;
import java.util.Map;

/**
 * Value as the pages show it: a customer's predictions with the date each model's data ended (the
 * as-of date), and the high-value customers at risk ranked by value at stake (CLV × churn risk, or
 * × (1 − P(alive)) where no churn model scored them, as the segment totals count it).
 */
final class CustomerValue {
  private static final String STAKE = "clv * coalesce(churn_risk, 1 - p_alive)";

  private final Database db;

  CustomerValue(Database db) {
    this.db = db;
  }

  /** The profile's predictions and as-of dates, or null when no model scored it. */
  Map<String, Object> of(long profileId) {
    List<Map<String, Object>> rows = Sql.rows(db, "SELECT p.clv, p.p_alive AS \"pAlive\", p.expected_purchases AS \"expectedPurchases\", "
        + "p.expected_spend AS \"expectedSpend\", p.churn_risk AS \"churnRisk\", p.value_segment AS \"valueSegment\", "
        + STAKE + " AS \"valueAtStake\", c.window_end AS \"clvAsOf\", r.window_end AS \"churnAsOf\" FROM profile_predictions p "
        + "LEFT JOIN prediction_runs c ON c.id = p.clv_run_id LEFT JOIN prediction_runs r ON r.id = p.churn_run_id "
        + "WHERE p.profile_id = ?", List.of(profileId));
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** High-value customers at risk, most value at stake first. */
  List<Map<String, Object>> atRisk(int limit) {
    return Sql.rows(db, "SELECT p.profile_id AS id, (SELECT min(value) FROM identities i WHERE i.profile_id = p.profile_id "
        + "AND i.kind = 'user_id') AS \"userId\", (SELECT arg_max(value->>'$', set_at) FROM trait_history t "
        + "WHERE t.profile_id = p.profile_id AND trait = 'name') AS name, p.clv, p.churn_risk AS \"churnRisk\", "
        + "p.p_alive AS \"pAlive\", " + STAKE + " AS \"valueAtStake\" FROM profile_predictions p "
        + "WHERE p.value_segment = 'high_value_at_risk' ORDER BY \"valueAtStake\" DESC NULLS LAST, p.profile_id LIMIT " + limit, List.of());
  }

  /** How many customers are in the at-risk segment (the list may show fewer). */
  long atRiskCount() {
    return ((Number) Sql.rows(db, "SELECT count(*) AS n FROM profile_predictions WHERE value_segment = 'high_value_at_risk'",
        List.of()).get(0).get("n")).longValue();
  }
}
