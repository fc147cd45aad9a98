package io.wayfinder.store.journey;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.wayfinder.core.journey.retention.CohortDefinition;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Saved cohorts in the store ({@code cohorts} table, V40): create or replace, read, list, delete. */
public final class CohortStore {
  static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private final Database db;

  public CohortStore(Database db) {
    this.db = db;
  }

  public List<CohortDefinition> list() {
    List<CohortDefinition> out = new ArrayList<>();
    try (Connection c = db.connect(); var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT definition FROM cohorts ORDER BY id")) {
      while (rs.next()) out.add(JSON.readValue(rs.getString(1), CohortDefinition.class));
      return out;
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot read cohorts: " + e.getMessage(), e);
    }
  }

  public Optional<CohortDefinition> find(String id) {
    return list().stream().filter(x -> x.id().equals(id)).findFirst();
  }

  /** Stores the cohort, replacing one with the same id; true when it was new. One statement, so never half-saved. */
  public boolean put(CohortDefinition d) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection c = db.connect()) {
      boolean existed = find(d.id()).isPresent();
      String sql = existed
          ? "UPDATE cohorts SET definition = ?, updated_at = ? WHERE id = ?"
          : "INSERT INTO cohorts (definition, updated_at, id, created_at) VALUES (?, ?, ?, ?)";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, JSON.writeValueAsString(d));
        ps.setObject(2, now);
        ps.setString(3, d.id());
        if (!existed) ps.setObject(4, now);
        ps.executeUpdate();
      }
      return !existed;
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot store cohort " + d.id() + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a cohort; false when there was none. */
  public boolean delete(String id) {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM cohorts WHERE id = ?")) {
      ps.setString(1, id);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot delete cohort " + id + ": " + e.getMessage(), e);
    }
  }
}
