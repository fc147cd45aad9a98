package io.wayfinder.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations: {@code db/migration/V<n>__<name>.sql}, applied in order, each in
 * its own transaction, recorded in {@code schema_version}. A small runner of our own: Flyway 13
 * with the community DuckDB module failed here on DuckDB 2.0 (commit/rollback without an active
 * transaction, then one-second retry sleeps on every fresh start).
 */
final class Migrations {
  /** Every migration, oldest first. Append only; never edit a released one. */
  static final List<String> ALL = List.of("V1__event_log.sql", "V2__identity_and_profiles.sql",
      "V3__surveys_and_kpis.sql", "V4__journey_definitions.sql", "V5__predictions.sql", "V6__users.sql",
      "V7__web_sessions.sql", "V8__source_signing_secrets.sql", "V12__settings.sql", "V20__flows.sql", "V30__privacy.sql",
      "V31__consent_refusals.sql", "V32__retention.sql",
      "V40__cohorts.sql");

  private Migrations() {}

  /** Applies the migrations above the current version, up to {@code target} (null: all). Returns how many ran. */
  static int apply(Connection c, Integer target) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name VARCHAR NOT NULL, "
          + "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    }
    java.util.Set<Integer> applied = new java.util.HashSet<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM schema_version")) {
      while (rs.next()) applied.add(rs.getInt(1));
    }
    int ran = 0;
    for (String m : ALL) {
      int version = Integer.parseInt(m.substring(1, m.indexOf("__")));
      // Every missing version is applied, not only those above the highest: capabilities built in
      // parallel may land their migrations out of number order.
      if (applied.contains(version) || (target != null && version > target)) continue;
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        for (String sql : statements(read(m))) st.execute(sql);
        st.execute("INSERT INTO schema_version (version, name) VALUES (" + version + ", '" + m + "')");
        c.commit();
        ran++;
      } catch (SQLException e) {
        c.rollback();
        throw new StoreException("schema migration " + m + " failed: " + e.getMessage(), e);
      } finally {
        c.setAutoCommit(auto);
      }
    }
    return ran;
  }

  static int current(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String read(String name) {
    try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + name)) {
      if (in == null) throw new IllegalStateException("missing migration resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits a script on semicolons at line ends, dropping {@code --} comment lines. */
  static List<String> statements(String script) {
    StringBuilder clean = new StringBuilder();
    for (String line : script.split("\n")) {
      String t = line.strip();
      if (!t.startsWith("--")) clean.append(line).append('\n');
    }
    return java.util.Arrays.stream(clean.toString().split(";\\s*\n"))
        .map(String::strip).map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
        .filter(s -> !s.isEmpty()).toList();
  }
}
