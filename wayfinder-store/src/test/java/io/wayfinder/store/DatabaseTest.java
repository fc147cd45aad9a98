package io.wayfinder.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path dir;

  @Test
  void openingAnOlderDataDirectoryUpgradesItAndKeepsItsEvents() throws Exception {
    try (Database v1 = Database.open(dir, "1"); var c = v1.connect(); var st = c.createStatement()) {
      st.execute("INSERT INTO events (id, type, name, profile_id, ts, received_at) "
          + "VALUES (1, 'track', 'Old Event', 7, now(), now())");
    }
    try (Database latest = Database.open(dir); var c = latest.connect(); var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name, origin_profile_id FROM events")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("Old Event");
      assertThat(rs.getLong(2)).isEqualTo(7);
      try (ResultSet t = c.createStatement().executeQuery("SELECT count(*) FROM identities")) {
        assertThat(t.next()).isTrue();
      }
    }
  }

  @Test
  void appenderRowsBelongToTheOpenTransaction() throws Exception {
    try (Database db = Database.open(dir); var c = db.connect()) {
      c.setAutoCommit(false);
      try (var st = c.createStatement()) { st.execute("SELECT 1"); }
      try (var app = c.createAppender("main", "sources")) {
        app.beginRow(); app.append("s1"); app.append("web"); app.append("web"); app.append("k");
        app.append(java.time.OffsetDateTime.now()); app.endRow();
      }
      c.rollback();
      try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM sources")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @Test
  void aDataDirectoryHeldByAnotherProcessIsRefusedNamingTheWayOut() throws Exception {
    Path data = dir.resolve("held");
    Path ready = dir.resolve("ready");
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), data.toString(), ready.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("holder.log").toFile()).start();
    try {
      for (int i = 0; i < 1200 && !java.nio.file.Files.exists(ready); i++) {
        assertThat(holder.isAlive()).as("holder process (see holder.log)").isTrue();
        Thread.sleep(50);
      }
      assertThat(ready).exists();
      assertThatThrownBy(() -> Database.open(data))
          .isInstanceOf(DataDirectoryInUseException.class)
          .hasMessageContaining(data.toString())
          .hasMessageContaining("--server");
    } finally {
      holder.destroyForcibly();
      holder.waitFor();
    }
  }
}
