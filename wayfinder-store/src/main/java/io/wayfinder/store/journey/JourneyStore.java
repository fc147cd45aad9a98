package io.wayfinder.store.journey;

import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Journey definitions in the store: create or replace, read, list, delete. */
public final class JourneyStore {
  private final Database db;

  public JourneyStore(Database db) {
    this.db = db;
  }

  public List<JourneyDefinition> list() {
    List<JourneyDefinition> out = new ArrayList<>();
    try (Connection c = db.connect(); var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT definition FROM journey_definitions ORDER BY id")) {
      while (rs.next()) out.add(DefinitionFiles.one(DefinitionFiles.JSON.readTree(rs.getString(1))));
      return out;
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException("cannot read journey definitions: " + e.getMessage(), e);
    }
  }

  public Optional<JourneyDefinition> find(String id) {
    return list().stream().filter(j -> j.id().equals(id)).findFirst();
  }

  /** Stores the definition, replacing one with the same id; true when it was new. */
  public boolean put(JourneyDefinition d) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection c = db.connect()) {
      boolean existed = find(d.id()).isPresent();
      String sql = existed
          ? "UPDATE journey_definitions SET definition = ?, updated_at = ? WHERE id = ?"
          : "INSERT INTO journey_definitions (definition, updated_at, id, created_at) VALUES (?, ?, ?, ?)";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, DefinitionFiles.json(d));
        ps.setObject(2, now);
        ps.setString(3, d.id());
        if (!existed) ps.setObject(4, now);
        ps.executeUpdate();
      }
      return !existed;
    } catch (SQLException e) {
      throw new StoreException("cannot store journey " + d.id() + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a definition; false when there was none. */
  public boolean delete(String id) {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM journey_definitions WHERE id = ?")) {
      ps.setString(1, id);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot delete journey " + id + ": " + e.getMessage(), e);
    }
  }
}
