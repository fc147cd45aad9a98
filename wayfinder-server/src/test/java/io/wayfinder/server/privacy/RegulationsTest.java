package io.wayfinder.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.server.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Erasure and suppression through the real server, checked in the API, the read models, SQL and the files' bytes. */
class RegulationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VICTIM = "victim-7f3kq2";
  private static final String VICTIM_NOTE = "NOTE-ZX81-VICTIM-ONLY";
  private static final String CONTROL = "control-9m2wd5";
  private static final String CONTROL_NOTE = "NOTE-QP44-CONTROL-ONLY";
  @TempDir Path dir;

  @Test
  void suppressWithDeleteErasesTheCustomerEverywhereAndDropsTheirLaterEvents() throws Exception {
    Path data = dir.resolve("data");
    long eventsBefore;
    try (TestServer t = new TestServer(data)) {
      String key = t.writeKey("web", "web");
      importCsv(t, 0);
      for (String who : List.of(VICTIM, CONTROL)) {
        String note = who.equals(VICTIM) ? VICTIM_NOTE : CONTROL_NOTE;
        assertThat(t.post("/v1/identify", key, "{\"userId\":\"" + who + "\",\"anonymousId\":\"anon-" + who
            + "\",\"traits\":{\"email\":\"" + who + "@example.com\",\"plan\":\"gold\"},"
            + "\"context\":{\"consent\":{\"categoryPreferences\":{\"marketing\":true}}}}").statusCode()).isEqualTo(200);
        assertThat(t.post("/v1/track", key, "{\"userId\":\"" + who + "\",\"event\":\"Order Completed\",\"properties\":{\"note\":\""
            + note + "\"}}").statusCode()).isEqualTo(200);
        assertThat(t.api("POST", "/api/feedback", "{\"scale\":{\"min\":1,\"max\":5},\"items\":[{\"customer\":\"" + who
            + "\",\"rating\":4,\"text\":\"fine " + note + "\"}]}").statusCode()).isEqualTo(200);
      }
      // the read models hold the victim before
      assertThat(caseNames(t.server.journeys().dataset().index())).contains(VICTIM, CONTROL);
      eventsBefore = Sql.one(t, "SELECT count(*) FROM events WHERE user_id = '" + VICTIM + "'");
      long victimProfile = Sql.one(t, "SELECT profile_id FROM identities WHERE value = '" + VICTIM + "'");
      assertThat(t.api("GET", "/api/profiles/" + VICTIM, null).body()).contains(VICTIM_NOTE);
      assertThat(eventsBefore).isEqualTo(3 + 2); // identify, track, feedback + two imported rows
      checkpoint(t);
      assertThat(filesContain(data, VICTIM)).as("victim bytes before erasure").isTrue();

      HttpResponse<String> r = t.api("POST", "/api/regulations",
          "{\"regulationType\":\"SUPPRESS_WITH_DELETE\",\"subjectType\":\"USER_ID\",\"subjectIds\":[\"" + VICTIM + "\"]}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      JsonNode reg = JSON.readTree(r.body());
      assertThat(reg.get("status").asText()).isEqualTo("FINISHED");
      assertThat(reg.get("profilesErased").asInt()).isEqualTo(1);
      assertThat(reg.get("eventsErased").asLong()).isEqualTo(eventsBefore);
      assertThat(r.body()).doesNotContain(VICTIM);

      // nowhere in any table, any API answer or the journey index; the control customer is untouched
      for (String table : tables(t)) {
        assertThat(Sql.one(t, "SELECT count(*) FROM (SELECT t::VARCHAR AS s FROM \"" + table + "\" t) WHERE s LIKE '%" + VICTIM
            + "%' OR s LIKE '%" + VICTIM_NOTE + "%'")).as(table).isZero();
      }
      assertThat(Sql.one(t, "SELECT count(*) FROM events WHERE user_id = '" + CONTROL + "'")).isEqualTo(5);
      assertThat(caseNames(t.server.journeys().dataset().index())).doesNotContain(VICTIM).contains(CONTROL);
      assertThat(t.api("GET", "/api/profiles/" + VICTIM, null).statusCode()).isEqualTo(404);
      assertThat(t.api("GET", "/api/profiles/" + victimProfile, null).statusCode()).isEqualTo(404);
      assertThat(t.api("GET", "/api/profiles?limit=1000", null).body()).doesNotContain("," + victimProfile + ",");
      assertThat(t.api("GET", "/api/regulations", null).body()).doesNotContain(VICTIM);
      assertThat(t.api("GET", "/api/profiles/" + CONTROL, null).body()).contains(CONTROL).contains(CONTROL_NOTE);

      // later events for the suppressed identifiers are dropped and counted, on /v1 and through imports
      assertThat(t.post("/v1/track", key, "{\"userId\":\"" + VICTIM + "\",\"event\":\"Came Back\"}").statusCode()).isEqualTo(200);
      assertThat(t.post("/v1/track", key, "{\"anonymousId\":\"anon-" + VICTIM + "\",\"event\":\"Came Back\"}").statusCode()).isEqualTo(200);
      importCsv(t, 1);
      assertThat(Sql.one(t, "SELECT count(*) FROM events WHERE user_id = '" + VICTIM + "' OR anonymous_id = 'anon-" + VICTIM + "'")).isZero();
      assertThat(Sql.one(t, "SELECT count(*) FROM identities WHERE value LIKE '%" + VICTIM + "%'")).isZero();
      JsonNode after = JSON.readTree(t.api("GET", "/api/regulations/" + reg.get("id").asText(), null).body());
      assertThat(after.get("droppedEvents").asLong()).isEqualTo(2 + 2);
    }
    // the next open compacts the file: no byte of the victim is left, while the same scan finds the control
    try (TestServer t = new TestServer(data)) {
      t.server.database();
    }
    assertThat(filesContain(data, VICTIM)).as("victim id in the data directory").isFalse();
    assertThat(filesContain(data, VICTIM_NOTE)).as("victim's unique string in the data directory").isFalse();
    assertThat(filesContain(data, CONTROL)).as("control id found by the same scan").isTrue();
  }

  @Test
  void malformedSubjectIdsAreRejectedNamingTheFieldAndUnknownSubjectsAreCounted() throws Exception {
    try (TestServer t = new TestServer(dir.resolve("data"))) {
      HttpResponse<String> bad = t.api("POST", "/api/regulations",
          "{\"regulationType\":\"DELETE_ONLY\",\"subjectIds\":[\"ok\", \"\"]}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
      assertThat(bad.body()).contains("subjectIds[1]");
      assertThat(t.api("POST", "/api/regulations", "{\"regulationType\":\"FORGET\",\"subjectIds\":[\"a\"]}").body())
          .contains("regulationType");
      assertThat(t.api("POST", "/api/regulations", "{\"regulationType\":\"DELETE_ONLY\",\"subjectIds\":[42]}").body())
          .contains("subjectIds[0]");
      assertThat(Sql.one(t, "SELECT count(*) FROM regulations")).isZero();

      HttpResponse<String> unknown = t.api("POST", "/api/regulations",
          "{\"regulationType\":\"SUPPRESS_WITH_DELETE\",\"subjectIds\":[\"nobody-1\",\"nobody-2\"]}");
      assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(201);
      JsonNode reg = JSON.readTree(unknown.body());
      assertThat(reg.get("unknownSubjects").asInt()).isEqualTo(2);
      assertThat(reg.get("profilesErased").asInt()).isZero();
      assertThat(reg.get("status").asText()).isEqualTo("FINISHED");
    }
  }

  /** 3,000 customers x 2 events; the victim and control get two rows each with their note (as a property). */
  private static void importCsv(TestServer t, int round) throws Exception {
    StringBuilder csv = new StringBuilder("case,activity,timestamp,note\n");
    for (int i = 0; i < 3000; i++) {
      for (int e = 0; e < 2; e++) csv.append("c-").append(i).append(",Step ").append(e).append(",2024-05-0").append(1 + round)
          .append("T10:0").append(e).append(":00Z,plain\n");
      if (i == 1500) {
        for (int e = 0; e < 2; e++) {
          csv.append(VICTIM).append(",Visit,2024-05-0").append(1 + round).append("T11:0").append(e).append(":00Z,").append(VICTIM_NOTE).append('\n');
          csv.append(CONTROL).append(",Visit,2024-05-0").append(1 + round).append("T11:0").append(e).append(":00Z,").append(CONTROL_NOTE).append('\n');
        }
      }
    }
    Sql.importCsv(t, "log" + round + ".csv", "", csv.toString());
  }

  private static List<String> caseNames(JourneyIndex index) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < index.caseCount(); c++) out.add(index.caseName(c));
    return out;
  }

  private static List<String> tables(TestServer t) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = t.server.database().connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()")) {
      while (rs.next()) out.add(rs.getString(1));
    }
    assertThat(out).contains("events", "identities", "trait_history", "consent_history", "regulations");
    return out;
  }


  private static void checkpoint(TestServer t) throws Exception {
    try (Connection c = t.server.database().connect(); Statement st = c.createStatement()) {
      st.execute("CHECKPOINT");
    }
  }

  /** Whether any file under the data directory holds the string's UTF-8 bytes. */
  static boolean filesContain(Path dir, String s) throws IOException {
    byte[] needle = s.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (indexOf(Files.readAllBytes(f), needle) >= 0) return true;
      }
    }
    return false;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }
}
