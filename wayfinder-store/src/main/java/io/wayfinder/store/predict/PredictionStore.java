package io.wayfinder.store.predict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Model runs, their scores and the latest predictions on each profile (tables of V5). */
public final class PredictionStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private final Database db;

  public PredictionStore(Database db) {
    this.db = db;
  }

  /**
   * One fit of a model.
   *
   * @param kind {@code clv} or {@code churn}
   * @param version 1 for the first run of its kind, then 2, 3, ...
   * @param model the model ({@code bgnbd+gammagamma}, {@code logistic})
   * @param params what scoring needs
   * @param metrics the quality of the fit
   * @param windowStart earliest event the fit read
   * @param windowEnd end of the data the fit read (exclusive)
   * @param customers customers scored
   */
  public record Run(String id, String kind, int version, String model, Map<String, Object> params, Double loglik,
      Map<String, Object> metrics, Instant windowStart, Instant windowEnd, int customers, Instant createdAt) {}

  /** Scores of one profile; null where a model does not give the value. */
  public record Score(long profileId, Double expectedPurchases, Double pAlive, Double expectedSpend, Double clv, Double churnRisk) {}

  /** Saves a run and its scores in one transaction; the version is the next of its kind. */
  public Run save(String kind, String model, Map<String, Object> params, Double loglik, Map<String, Object> metrics,
      Instant windowStart, Instant windowEnd, List<Score> scores) {
    try (DuckDBConnection c = db.connect()) {
      c.setAutoCommit(false);
      try {
        int version;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0) + 1 FROM prediction_runs WHERE kind = ?")) {
          ps.setString(1, kind);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            version = rs.getInt(1);
          }
        }
        Run run = new Run(UUID.randomUUID().toString(), kind, version, model, params, finite(loglik), metrics, windowStart,
            windowEnd, scores.size(), Instant.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO prediction_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, run.id());
          ps.setString(2, kind);
          ps.setInt(3, version);
          ps.setString(4, model);
          ps.setString(5, json(params));
          ps.setObject(6, run.loglik());
          ps.setString(7, json(metrics));
          ps.setObject(8, windowStart == null ? null : windowStart.atOffset(ZoneOffset.UTC));
          ps.setObject(9, windowEnd.atOffset(ZoneOffset.UTC));
          ps.setInt(10, scores.size());
          ps.setObject(11, run.createdAt().atOffset(ZoneOffset.UTC));
          ps.executeUpdate();
        }
        append(c, "prediction_scores", run.id(), scores);
        c.commit();
        return run;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot save the " + kind + " run: " + e.getMessage(), e);
    }
  }

  /**
   * Writes scores to the profiles: the CLV columns ({@code kind = clv}) or the churn risk
   * ({@code churn}), leaving the other kind's columns as they were.
   */
  public void publish(String kind, String runId, List<Score> scores) {
    boolean clv = kind.equals("clv");
    String set = clv
        ? "clv_run_id = excluded.clv_run_id, expected_purchases = excluded.expected_purchases, p_alive = excluded.p_alive, "
            + "expected_spend = excluded.expected_spend, clv = excluded.clv"
        : "churn_run_id = excluded.churn_run_id, churn_risk = excluded.churn_risk";
    try (DuckDBConnection c = db.connect(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        st.execute("CREATE TEMP TABLE wf_scores AS SELECT * FROM prediction_scores LIMIT 0");
        append(c, "wf_scores", runId, scores);
        st.execute("INSERT INTO profile_predictions (profile_id, clv_run_id, expected_purchases, p_alive, expected_spend, clv, "
            + "churn_run_id, churn_risk, updated_at) SELECT profile_id, " + (clv ? "run_id" : "NULL")
            + ", expected_purchases, p_alive, expected_spend, clv, " + (clv ? "NULL" : "run_id") + ", churn_risk, now() FROM wf_scores "
            + "ON CONFLICT (profile_id) DO UPDATE SET " + set + ", updated_at = excluded.updated_at");
        st.execute("DROP TABLE wf_scores");
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot write " + kind + " scores to the profiles: " + e.getMessage(), e);
    }
  }

  private static void append(DuckDBConnection c, String table, String runId, List<Score> scores) throws SQLException {
    try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
      for (Score s : scores) {
        a.beginRow().append(runId).append(s.profileId()).append(finite(s.expectedPurchases())).append(finite(s.pAlive()))
            .append(finite(s.expectedSpend())).append(finite(s.clv())).append(finite(s.churnRisk())).endRow();
      }
    }
  }

  /** Runs of a kind, newest first. */
  public List<Run> runs(String kind, int limit) {
    List<Run> out = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT id, kind, version, model, params, loglik, "
        + "metrics, window_start, window_end, customers, created_at FROM prediction_runs WHERE kind = ? ORDER BY version DESC LIMIT ?")) {
      ps.setString(1, kind);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double ll = rs.getDouble(6);
          Double loglik = rs.wasNull() ? null : finite(ll);
          out.add(new Run(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), map(rs.getString(5)),
              loglik, map(rs.getString(7)), instant(rs, 8), instant(rs, 9), rs.getInt(10), instant(rs, 11)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read " + kind + " runs: " + e.getMessage(), e);
    }
    return out;
  }

  /** The newest run of a kind. */
  public Optional<Run> latest(String kind) {
    return runs(kind, 1).stream().findFirst();
  }

  static Double finite(Double v) {
    return v == null || !Double.isFinite(v) ? null : v;
  }

  static Instant instant(ResultSet rs, int col) throws SQLException {
    OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serialisable as JSON: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> map(String s) {
    if (s == null) return Map.of();
    try {
      return JSON.readValue(s, MAP);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored JSON is unreadable: " + e.getMessage(), e);
    }
  }
}
