package io.wayfinder.store.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * Everything the store holds about one customer (GDPR articles 15 and 20) as one JSON document:
 * the rows of every table that names the customer's profiles or identifiers (profile, identities,
 * trait and consent history, events, survey invitations and answers, predictions, and any table
 * a later capability adds, such as flow traces), keyed by table name. The tables are found as
 * the erasure finds them, so an export holds exactly what an erasure would delete.
 */
public final class SubjectExport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;

  public SubjectExport(Database db) {
    this.db = db;
  }

  /** The document, or null when no profile has the identifier. */
  public ObjectNode export(Regulations.SubjectType type, String id) {
    Regulations.checkIds(java.util.List.of(id));
    try (DuckDBConnection c = db.connect(); Statement st = c.createStatement()) {
      // one snapshot: rows written while the export runs are either all in it or not
      c.setAutoCommit(false);
      st.execute("CREATE OR REPLACE TEMP TABLE wf_subjects (value VARCHAR)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO wf_subjects VALUES (?)")) {
        ps.setString(1, type == Regulations.SubjectType.EMAIL ? id.trim().toLowerCase(java.util.Locale.ROOT) : id);
        ps.execute();
      }
      try (PreparedStatement ps = c.prepareStatement("CREATE OR REPLACE TEMP TABLE wf_subject_profiles AS SELECT id AS profile_id FROM ("
          + Regulations.family() + ")")) {
        ps.setString(1, type.kind);
        ps.execute();
      }
      st.execute("CREATE OR REPLACE TEMP TABLE wf_subject_ids AS SELECT kind, value FROM identities "
          + "WHERE profile_id IN (SELECT profile_id FROM wf_subject_profiles)");
      ObjectNode doc = JSON.createObjectNode();
      ArrayNode profiles = doc.putArray("profileIds");
      try (ResultSet rs = st.executeQuery("SELECT profile_id FROM wf_subject_profiles ORDER BY 1")) {
        while (rs.next()) profiles.add(rs.getLong(1));
      }
      if (profiles.isEmpty()) {
        c.rollback();
        return null;
      }
      doc.put("subjectType", type.name());
      doc.put("subjectId", id);
      doc.put("exportedAt", Instant.now().toString());
      ObjectNode tables = doc.putObject("tables");
      for (Map.Entry<String, String> t : Erasure.tables(c).entrySet()) {
        ArrayNode rows = tables.putArray(t.getKey());
        try (ResultSet rs = st.executeQuery("SELECT to_json(t)::VARCHAR FROM \"" + t.getKey() + "\" t WHERE " + t.getValue()
            + " ORDER BY rowid")) {
          while (rs.next()) rows.add(parse(rs.getString(1)));
        }
      }
      c.rollback();
      return doc;
    } catch (SQLException e) {
      throw new StoreException("cannot export the customer's data: " + e.getMessage(), e);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new StoreException("a stored row is not valid JSON: " + e.getMessage(), e);
    }
  }
}
