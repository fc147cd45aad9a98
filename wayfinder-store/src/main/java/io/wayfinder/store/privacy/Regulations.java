package io.wayfinder.store.privacy;

import io.wayfinder.core.privacy.SubjectHash;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import io.wayfinder.store.collect.BulkSession;
import io.wayfinder.store.collect.EventWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure and suppression of customers, like Segment's regulations API. A regulation is recorded
 * with its work list (profile numbers) and its suppressed identifiers (hashed) in one transaction;
 * the erasure is a second transaction that deletes every row about those profiles and empties
 * the work list. Both run in the event writer, so no event of the customer is written in
 * between, and the writer reloads its identity state after. A regulation still RUNNING after a
 * crash is resumed at start ({@link #resume()}): the second transaction is all or nothing.
 */
public final class Regulations {
  private static final Logger log = LoggerFactory.getLogger(Regulations.class);

  /** What a regulation does. */
  public enum Type {
    DELETE_ONLY, SUPPRESS_ONLY, SUPPRESS_WITH_DELETE;

    boolean deletes() {
      return this != SUPPRESS_ONLY;
    }

    boolean suppresses() {
      return this != DELETE_ONLY;
    }
  }

  /** The identity kind the subject ids are of. */
  public enum SubjectType {
    USER_ID("user_id"), ANONYMOUS_ID("anonymous_id"), EMAIL("email");

    final String kind;

    SubjectType(String kind) {
      this.kind = kind;
    }
  }

  /** Longest subject id accepted. */
  public static final int MAX_ID_LENGTH = 512;
  /** Most subject ids in one regulation. */
  public static final int MAX_SUBJECTS = 100_000;

  private final Database db;
  private final EventWriter writer;
  private final List<Runnable> onErased = new java.util.concurrent.CopyOnWriteArrayList<>();

  public Regulations(Database db, EventWriter writer) {
    this.db = db;
    this.writer = writer;
  }

  /** Registers what must forget erased customers held in memory (read models, indexes, caches). */
  public void onErased(Runnable forget) {
    onErased.add(forget);
  }

  /**
   * Validates the subject ids: each a non-blank string of at most {@link #MAX_ID_LENGTH} characters
   * without control characters.
   *
   * @throws IllegalArgumentException naming {@code subjectIds[i]}
   */
  public static List<String> checkIds(List<String> ids) {
    if (ids == null || ids.isEmpty()) throw new IllegalArgumentException("subjectIds: at least one subject id is required");
    if (ids.size() > MAX_SUBJECTS) throw new IllegalArgumentException("subjectIds: at most " + MAX_SUBJECTS + " per regulation");
    List<String> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      String where = "subjectIds[" + i + "]";
      if (id == null || id.isBlank()) throw new IllegalArgumentException(where + ": must be a non-empty string");
      if (id.length() > MAX_ID_LENGTH) throw new IllegalArgumentException(where + ": longer than " + MAX_ID_LENGTH + " characters");
      if (id.chars().anyMatch(Character::isISOControl)) throw new IllegalArgumentException(where + ": contains a control character");
      out.add(id);
    }
    return out;
  }

  /** Records and carries out a regulation; returns its record when done. */
  public Regulation create(Type type, SubjectType subjectType, List<String> subjectIds) {
    List<String> ids = normalise(subjectType, subjectIds);
    String id = record(type, subjectType, ids);
    if (type.deletes()) erase(id, ids, subjectType);
    else forgetSuppressed();
    return find(id).orElseThrow();
  }

  /**
   * The first of the two steps of {@link #create}: records the regulation, its work list and its
   * suppressions (committed), without erasing yet; returns its id. A regulation left here by a
   * crash is finished by {@link #resume()}.
   */
  public String record(Type type, SubjectType subjectType, List<String> subjectIds) {
    List<String> ids = normalise(subjectType, subjectIds);
    String id = "reg_" + UUID.randomUUID();
    writer.runBulk(s -> record(s, id, type, subjectType, ids));
    return id;
  }

  private static List<String> normalise(SubjectType subjectType, List<String> subjectIds) {
    return checkIds(subjectIds).stream()
        .map(v -> subjectType == SubjectType.EMAIL ? v.trim().toLowerCase(Locale.ROOT) : v).distinct().toList();
  }

  /** Finishes every regulation a crash left RUNNING. Returns how many. */
  public int resume() {
    List<String> running = new ArrayList<>();
    try (Connection c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id FROM regulations WHERE status = 'RUNNING' ORDER BY created_at")) {
      while (rs.next()) running.add(rs.getString(1));
    } catch (SQLException e) {
      throw new StoreException("cannot read regulations: " + e.getMessage(), e);
    }
    for (String id : running) {
      log.info("resuming regulation {} after a restart", id);
      erase(id, List.of(), null);
    }
    return running.size();
  }

  private void record(BulkSession s, String id, Type type, SubjectType subjectType, List<String> ids) throws SQLException {
    DuckDBConnection c = s.connection();
    try (Statement st = c.createStatement()) {
      st.execute("CREATE OR REPLACE TEMP TABLE wf_subjects (value VARCHAR)");
      try (var app = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "wf_subjects")) {
        for (String v : ids) app.beginRow().append(v).endRow();
      }
      try (PreparedStatement ps = c.prepareStatement("CREATE OR REPLACE TEMP TABLE wf_family AS " + family())) {
        ps.setString(1, subjectType.kind);
        ps.execute();
      }
      int known;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT count(DISTINCT value) FROM identities WHERE kind = ? AND value IN (SELECT value FROM wf_subjects)")) {
        ps.setString(1, subjectType.kind);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          known = rs.getInt(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO regulations (id, type, subject_type, status, subjects, "
          + "unknown_subjects, created_at) VALUES (?, ?, ?, ?, ?, ?, now())")) {
        ps.setString(1, id);
        ps.setString(2, type.name());
        ps.setString(3, subjectType.name());
        ps.setString(4, type.deletes() ? "RUNNING" : "FINISHED");
        ps.setInt(5, ids.size());
        ps.setInt(6, ids.size() - known);
        ps.execute();
      }
      if (type.deletes()) {
        st.execute("INSERT INTO regulation_profiles SELECT '" + id + "', id FROM wf_family");
      } else {
        st.execute("UPDATE regulations SET finished_at = now() WHERE id = '" + id + "'");
      }
      if (type.suppresses()) {
        // the subject ids and every identifier of their profiles, so no alias brings the customer back
        List<String> hashes = new ArrayList<>();
        for (String v : ids) hashes.add(SubjectHash.of(subjectType.kind, v));
        try (ResultSet rs = st.executeQuery("SELECT kind, value FROM identities WHERE profile_id IN (SELECT id FROM wf_family)")) {
          while (rs.next()) hashes.add(SubjectHash.of(rs.getString(1), rs.getString(2)));
        }
        try (var app = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "suppressions")) {
          for (String h : hashes.stream().distinct().toList()) {
            app.beginRow().append(h).append(id).append(0L).appendEpochMicros(micros(Instant.now())).endRow();
          }
        }
        s.reloadIdentityStateAfterCommit();
      }
      st.execute("DROP TABLE wf_subjects");
      st.execute("DROP TABLE wf_family");
    }
  }

  /** SQL: every profile number of the subjects' customers, merged ones included (one parameter: the identity kind). */
  static String family() {
    return """
        WITH RECURSIVE up(id) AS (
          SELECT profile_id FROM identities WHERE kind = ? AND value IN (SELECT value FROM wf_subjects)
          UNION SELECT p.merged_into FROM profiles p JOIN up ON p.id = up.id WHERE p.merged_into IS NOT NULL),
        down(id) AS (SELECT id FROM up UNION SELECT p.id FROM profiles p JOIN down ON p.merged_into = down.id)
        SELECT DISTINCT id FROM down""";
  }

  private void erase(String id, List<String> ids, SubjectType subjectType) {
    long t0 = System.nanoTime();
    writer.runBulk(s -> {
      DuckDBConnection c = s.connection();
      try (Statement st = c.createStatement()) {
        st.execute("CREATE OR REPLACE TEMP TABLE wf_subject_profiles AS SELECT DISTINCT profile_id FROM regulation_profiles "
            + "WHERE regulation_id = '" + id + "'");
        st.execute("CREATE OR REPLACE TEMP TABLE wf_subject_ids AS SELECT kind, value FROM identities "
            + "WHERE profile_id IN (SELECT profile_id FROM wf_subject_profiles)");
        if (subjectType != null && !ids.isEmpty()) {
          try (var app = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "wf_subject_ids")) {
            for (String v : ids) app.beginRow().append(subjectType.kind).append(v).endRow();
          }
        }
        long lastEvent = s.reserveEventIds(0) - 1;
        st.execute("INSERT INTO id_floor VALUES (" + lastEvent + ", " + s.lastProfileId() + ")");
        Map<String, Long> deleted = Erasure.run(c);
        long profiles = count(st, "SELECT count(*) FROM wf_subject_profiles");
        st.execute("DELETE FROM regulation_profiles WHERE regulation_id = '" + id + "'");
        st.execute("UPDATE regulations SET status = 'FINISHED', finished_at = now(), profiles_erased = " + profiles
            + ", events_erased = " + deleted.getOrDefault("events", 0L) + " WHERE id = '" + id + "'");
        st.execute("DROP TABLE wf_subject_profiles");
        st.execute("DROP TABLE wf_subject_ids");
        s.reloadIdentityStateAfterCommit();
      }
    });
    forgetSuppressed();
    Compaction.request(db.dataDir());
    log.info("regulation {} erased its customers in {} ms", id, (System.nanoTime() - t0) / 1_000_000);
  }

  private void forgetSuppressed() {
    for (Runnable r : onErased) r.run();
  }

  /** One regulation's record. */
  public Optional<Regulation> find(String id) {
    List<Regulation> r = query("WHERE r.id = ?", id);
    return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
  }

  /** Every regulation, newest first. */
  public List<Regulation> list() {
    return query("", null);
  }

  private List<Regulation> query(String where, String param) {
    String sql = "SELECT r.id, r.type, r.subject_type, r.status, r.subjects, r.unknown_subjects, r.profiles_erased, r.events_erased, "
        + "(SELECT coalesce(sum(dropped), 0) FROM suppressions s WHERE s.regulation_id = r.id), r.created_at, r.finished_at "
        + "FROM regulations r " + where + " ORDER BY r.created_at DESC";
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      if (param != null) ps.setString(1, param);
      List<Regulation> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Regulation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
              rs.getInt(7), rs.getLong(8), rs.getLong(9), instant(rs, 10), instant(rs, 11)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read regulations: " + e.getMessage(), e);
    }
  }

  private static Instant instant(ResultSet rs, int col) throws SQLException {
    var t = rs.getObject(col, java.time.OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }
}
