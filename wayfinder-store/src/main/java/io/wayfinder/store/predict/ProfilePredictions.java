package io.wayfinder.store.predict;

import io.wayfinder.core.predict.segment.ValueSegment;
import io.wayfinder.core.predict.segment.ValueSegmenter;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** The latest predictions on the profiles: listings, value segments and their totals. */
public final class ProfilePredictions {
  /** Columns a listing can be ordered by. */
  public static final List<String> ORDERS = List.of("clv", "p_alive", "expected_purchases", "expected_spend", "churn_risk");

  private final Database db;

  public ProfilePredictions(Database db) {
    this.db = db;
  }

  /** One profile's latest predictions. */
  public record Row(long profileId, String userId, Double expectedPurchases, Double pAlive, Double expectedSpend, Double clv,
      Double churnRisk, String valueSegment, Instant updatedAt) {}

  /** A value segment's size and worth. */
  public record SegmentTotal(String segment, long customers, double clv, double valueAtStake) {}

  /**
   * Profiles with a value in {@code order} (one of {@link #ORDERS}), sorted by it.
   *
   * @throws IllegalArgumentException for an unknown order
   */
  public List<Row> list(String order, boolean ascending, int limit) {
    if (!ORDERS.contains(order)) throw new IllegalArgumentException("order: expected one of " + ORDERS + ", got '" + order + "'");
    String sql = "SELECT p.profile_id, (SELECT min(value) FROM identities i WHERE i.profile_id = p.profile_id AND i.kind = 'user_id'), "
        + "expected_purchases, p_alive, expected_spend, clv, churn_risk, value_segment, updated_at FROM profile_predictions p WHERE "
        + order + " IS NOT NULL ORDER BY " + order + (ascending ? " ASC" : " DESC") + ", p.profile_id LIMIT ?";
    List<Row> out = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Row(rs.getLong(1), rs.getString(2), num(rs, 3), num(rs, 4), num(rs, 5), num(rs, 6), num(rs, 7),
              rs.getString(8), PredictionStore.instant(rs, 9)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot list predictions: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Recomputes every profile's value segment from its CLV and risk (the churn risk, or 1 − P(alive)
   * where no churn model has scored the profile) and writes it to the profile. Profiles without a
   * CLV get no segment.
   */
  public ValueSegmenter.Segmentation resegment(ValueSegmenter segmenter) {
    List<ValueSegmenter.Customer> customers = new ArrayList<>();
    try (DuckDBConnection c = db.connect(); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT profile_id, clv, coalesce(churn_risk, 1 - p_alive) FROM profile_predictions "
          + "WHERE clv IS NOT NULL AND coalesce(churn_risk, 1 - p_alive) IS NOT NULL ORDER BY profile_id")) {
        while (rs.next()) {
          customers.add(new ValueSegmenter.Customer(Long.toString(rs.getLong(1)), rs.getDouble(2),
              Math.min(1, Math.max(0, rs.getDouble(3)))));
        }
      }
      ValueSegmenter.Segmentation s = segmenter.assign(customers);
      c.setAutoCommit(false);
      try {
        st.execute("CREATE TEMP TABLE wf_segments (profile_id BIGINT, segment VARCHAR)");
        try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "wf_segments")) {
          for (ValueSegmenter.Assignment x : s.assignments()) a.beginRow().append(Long.parseLong(x.id())).append(x.segment().id()).endRow();
        }
        st.execute("UPDATE profile_predictions SET value_segment = NULL");
        st.execute("UPDATE profile_predictions p SET value_segment = s.segment FROM wf_segments s WHERE s.profile_id = p.profile_id");
        st.execute("DROP TABLE wf_segments");
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
      return s;
    } catch (SQLException e) {
      throw new StoreException("cannot write value segments: " + e.getMessage(), e);
    }
  }

  /** Customers, CLV and value at stake (Σ CLV × risk) per segment, every segment listed. */
  public List<SegmentTotal> segments() {
    Map<String, SegmentTotal> found = new java.util.HashMap<>();
    try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT value_segment, count(*), sum(clv), sum(clv * coalesce(churn_risk, 1 - p_alive)) FROM profile_predictions "
            + "WHERE value_segment IS NOT NULL GROUP BY 1")) {
      while (rs.next()) found.put(rs.getString(1), new SegmentTotal(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)));
    } catch (SQLException e) {
      throw new StoreException("cannot read value segments: " + e.getMessage(), e);
    }
    List<SegmentTotal> out = new ArrayList<>();
    for (ValueSegment s : ValueSegment.values()) out.add(found.getOrDefault(s.id(), new SegmentTotal(s.id(), 0, 0, 0)));
    return out;
  }

  private static Double num(ResultSet rs, int col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? null : v;
  }
}
