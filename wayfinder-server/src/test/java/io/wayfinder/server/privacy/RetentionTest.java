package io.wayfinder.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention deletes exactly the expired events (counted independently in SQL) and the analytics follow. */
class RetentionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void retentionRemovesExactlyTheExpiredEventsAndTheJourneyIndexAgrees() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      importCsv(t, "old-crm", now);
      importCsv(t, "web-log", now);
      long before = Sql.one(t, "SELECT count(*) FROM events");
      assertThat(t.server.journeys().dataset().eventCount()).isEqualTo((int) before);
      Instant cutSource = now.minus(Duration.ofDays(365));
      Instant cutEvent = now.minus(Duration.ofDays(30));
      long expired = Sql.one(t, "SELECT count(*) FROM events WHERE (source = 'old-crm' AND ts < TIMESTAMPTZ '" + cutSource
          + "') OR (name = 'Page Viewed' AND ts < TIMESTAMPTZ '" + cutEvent + "')");
      assertThat(expired).isPositive().isLessThan(before);

      var put = t.api("PUT", "/api/retention", "{\"rules\":[{\"source\":\"old-crm\",\"maxAge\":\"P365D\"},"
          + "{\"event\":\"Page Viewed\",\"maxAge\":\"P30D\"}]}");
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      var run = JSON.readTree(t.api("POST", "/api/retention/run", null).body());
      assertThat(run.path("deletedEvents").asLong()).isEqualTo(expired);
      assertThat(Sql.one(t, "SELECT count(*) FROM events")).isEqualTo(before - expired);
      assertThat(Sql.one(t, "SELECT count(*) FROM events WHERE (source = 'old-crm' AND ts < TIMESTAMPTZ '" + cutSource
          + "') OR (name = 'Page Viewed' AND ts < TIMESTAMPTZ '" + cutEvent + "')")).isZero();
      assertThat(t.server.journeys().dataset().eventCount()).isEqualTo((int) (before - expired));
      assertThat(JSON.readTree(t.api("POST", "/api/retention/run", null).body()).path("deletedEvents").asLong()).isZero();
    }
  }

  @Test
  void anAgeUnderOneDayNeedsConfirmationAndBadRulesNameTheirField() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      var r = t.api("PUT", "/api/retention", "{\"rules\":[{\"event\":\"Ping\",\"maxAge\":\"PT12H\"}]}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("rules[0].maxAge").contains("confirm");
      assertThat(t.api("PUT", "/api/retention", "{\"rules\":[{\"event\":\"Ping\",\"maxAge\":\"90 days\"}]}").body()).contains("rules[0].maxAge");
      assertThat(t.api("PUT", "/api/retention", "{\"rules\":[{\"maxAge\":\"P1D\"}]}").body()).contains("rules[0]");
      assertThat(Sql.one(t, "SELECT count(*) FROM retention_rules")).isZero();
      assertThat(t.api("PUT", "/api/retention", "{\"rules\":[{\"event\":\"Ping\",\"maxAge\":\"PT12H\"}],\"confirm\":true}").statusCode())
          .isEqualTo(200);
      assertThat(t.api("GET", "/api/retention", null).body()).contains("PT12H");
    }
  }

  /** 200 customers, each with events 3 years, 60 days and 2 hours old, named Page Viewed or Order Completed. */
  private static void importCsv(TestServer t, String source, Instant now) throws Exception {
    StringBuilder csv = new StringBuilder("case,activity,timestamp\n");
    for (int i = 0; i < 200; i++) {
      for (Duration age : new Duration[] {Duration.ofDays(3 * 365), Duration.ofDays(60), Duration.ofHours(2)}) {
        String name = (i + age.toHoursPart()) % 3 == 0 ? "Order Completed" : "Page Viewed";
        csv.append(source).append("-c").append(i).append(',').append(name).append(',').append(now.minus(age).minusSeconds(i)).append('\n');
      }
    }
    Sql.importCsv(t, source + ".csv", "&source=" + source, csv.toString());
  }
}
