package io.wayfinder.store.voc;

import io.wayfinder.core.voc.kpi.KpiTarget;
import io.wayfinder.core.voc.kpi.ScoreScale;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** KPI targets per journey: one per (journey, KPI). */
public final class KpiTargetStore {
  private final Database db;

  public KpiTargetStore(Database db) {
    this.db = db;
  }

  /** Sets these targets (replacing any for the same journey and KPI), all in one transaction. */
  public void put(List<KpiTarget> targets) {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement del = c.prepareStatement("DELETE FROM kpi_targets WHERE journey = ? AND metric = ?");
          PreparedStatement ins = c.prepareStatement("INSERT INTO kpi_targets VALUES (?, ?, ?, ?)")) {
        for (KpiTarget t : targets) {
          String metric = t.scale().name().toLowerCase(Locale.ROOT);
          Sql.setAll(del, t.journey(), metric);
          del.executeUpdate();
          Sql.setAll(ins, t.journey(), metric, t.target(), Instant.now());
          ins.executeUpdate();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store KPI targets: " + e.getMessage(), e);
    }
  }

  public List<KpiTarget> list() {
    List<KpiTarget> out = new ArrayList<>();
    try (Connection c = db.connect(); var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT journey, metric, target FROM kpi_targets ORDER BY journey, metric")) {
      while (rs.next()) out.add(new KpiTarget(rs.getString(1), ScoreScale.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), rs.getDouble(3)));
    } catch (SQLException e) {
      throw new StoreException("cannot read KPI targets: " + e.getMessage(), e);
    }
    return out;
  }
}
