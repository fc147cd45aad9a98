package io.wayfinder.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.StoreSql;
import io.wayfinder.server.TestServer;
import io.wayfinder.server.voc.GeneratedData;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each filter control of the overview and feedback pages changes the answer, and the answer
 * equals a direct DuckDB SQL computation over the same store (generated demo data, small enough
 * that every matching response is listed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebFiltersTest {
  /** Survey answers as the pages count them, written here independently of the server's SQL. */
  static final String ANSWERS = "SELECT id, ts, profile_id, properties->>'$.journey' AS journey, properties->>'$.stage' AS stage, "
      + "lower(properties->>'$.question_type') AS scale, TRY_CAST(properties->>'$.score' AS INTEGER) AS score, "
      + "properties->>'$.comment' AS comment FROM events WHERE type = 'track' AND name = 'Survey Response' "
      + "AND TRY_CAST(properties->>'$.score' AS DOUBLE) = TRY_CAST(properties->>'$.score' AS INTEGER)";
  private TestServer t;
  private StoreSql sql;
  private String journey;
  private String stage;

  @BeforeAll
  void load(@TempDir Path dir) throws Exception {
    t = new TestServer(dir.resolve("data"));
    GeneratedData.loadWithSummary(t.server, 150, 5, dir);
    sql = new StoreSql(t);
    journey = text("SELECT journey FROM (" + ANSWERS + ") GROUP BY journey ORDER BY count(*) DESC, journey LIMIT 1");
    stage = text("SELECT stage FROM (" + ANSWERS + ") WHERE journey = '" + journey + "' GROUP BY stage ORDER BY count(*) DESC, stage LIMIT 1");
    assertThat(ids("")).hasSizeBetween(50, 999);
  }

  @AfterAll
  void stop() throws Exception {
    sql.close();
    t.close();
  }

  private String text(String query) throws Exception {
    return sql.text(query);
  }

  /** Ids of the answers matching {@code where} (SQL over the events). */
  private Set<Long> ids(String where) throws Exception {
    Set<Long> out = new HashSet<>();
    try (PreparedStatement ps = sql.connection.prepareStatement("SELECT id FROM (" + ANSWERS + ") a WHERE score IS NOT NULL" + where);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getLong(1));
    }
    return out;
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r = t.api("GET", path, null);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JsonSupport.MAPPER.readTree(r.body());
  }

  private Set<Long> listed(String query) throws Exception {
    Set<Long> out = new HashSet<>();
    for (JsonNode r : get("/api/web/feedback?limit=1000" + query).path("responses")) out.add(r.path("id").asLong());
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void theJourneyControlListsThatJourneysAnswers() throws Exception {
    Set<Long> expected = ids(" AND journey = '" + journey + "'");
    assertThat(expected).isNotEmpty().hasSizeLessThan(ids("").size());
    assertThat(listed("&journey=" + enc(journey))).isEqualTo(expected);
  }

  @Test
  void theStageControlListsThatStagesAnswers() throws Exception {
    Set<Long> expected = ids(" AND journey = '" + journey + "' AND stage = '" + stage + "'");
    assertThat(expected).isNotEmpty().hasSizeLessThan(ids(" AND journey = '" + journey + "'").size());
    assertThat(listed("&journey=" + enc(journey) + "&stage=" + enc(stage))).isEqualTo(expected);
  }

  @Test
  void theSurveyTypeControlListsThatScalesAnswers() throws Exception {
    Set<Long> expected = ids(" AND scale = 'csat'");
    assertThat(expected).isNotEmpty().hasSizeLessThan(ids("").size());
    assertThat(listed("&scale=CSAT")).isEqualTo(expected);
  }

  @Test
  void theScoreRangeControlsAreInclusive() throws Exception {
    Set<Long> from = ids(" AND score >= 7");
    Set<Long> to = ids(" AND score <= 3");
    assertThat(from).isNotEmpty().hasSizeLessThan(ids("").size());
    assertThat(to).isNotEmpty().hasSizeLessThan(ids("").size());
    assertThat(listed("&minScore=7")).isEqualTo(from);
    assertThat(listed("&maxScore=3")).isEqualTo(to);
    assertThat(listed("&minScore=3&maxScore=3")).isEqualTo(ids(" AND score = 3"));
    assertThat(t.api("GET", "/api/web/feedback?minScore=high", null).body()).contains("minScore:");
  }

  @Test
  void theSentimentControlSplitsTheCommentedAnswers() throws Exception {
    Set<Long> commented = ids(" AND comment IS NOT NULL AND comment <> ''");
    Set<Long> union = new HashSet<>();
    for (String s : new String[] {"positive", "neutral", "negative"}) {
      Set<Long> part = listed("&sentiment=" + s);
      for (JsonNode r : get("/api/web/feedback?limit=1000&sentiment=" + s).path("responses")) {
        assertThat(r.path("sentimentClass").asText()).isEqualTo(s);
      }
      assertThat(union).doesNotContainAnyElementsOf(part);
      union.addAll(part);
    }
    assertThat(commented).isNotEmpty().hasSizeLessThan(ids("").size());
    assertThat(union).isEqualTo(commented);
  }

  @Test
  void theCustomerSearchListsTheCustomersWhoseIdentifiersContainIt() throws Exception {
    // the first characters of a user id shared by several customers
    String q = text("SELECT left(value, length(value) - 1) FROM identities WHERE kind = 'user_id' ORDER BY value LIMIT 1");
    Set<Long> expected = new HashSet<>();
    try (PreparedStatement ps = sql.connection.prepareStatement("SELECT p.id FROM profiles p WHERE p.merged_into IS NULL "
        + "AND p.id IN (SELECT profile_id FROM events) AND (p.id IN (SELECT profile_id FROM identities WHERE contains(lower(value), lower(?))) "
        + "OR p.id IN (SELECT profile_id FROM trait_history WHERE trait = 'name' AND contains(lower(value->>'$'), lower(?))))")) {
      ps.setString(1, q);
      ps.setString(2, q);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) expected.add(rs.getLong(1));
      }
    }
    Set<Long> found = new HashSet<>();
    for (JsonNode c : get("/api/web/customers?limit=500&q=" + enc(q)).path("customers")) found.add(c.path("id").asLong());
    assertThat(expected).hasSizeGreaterThan(1).hasSizeLessThan(150);
    assertThat(found).isEqualTo(expected);
  }

  @Test
  void theOverviewPeriodCountsTheEventsCustomersAndAnswersInIt() throws Exception {
    String from = text("SELECT strftime(timezone('UTC', quantile_disc(ts, 0.5)), '%Y-%m-%d') FROM events");
    String to = text("SELECT strftime(timezone('UTC', quantile_disc(ts, 0.8)), '%Y-%m-%d') FROM events");
    String in = " AND ts >= CAST('" + from + "' AS DATE) AND ts < CAST('" + to + "' AS DATE) + INTERVAL 1 DAY";
    JsonNode o = get("/api/web/overview?from=" + from + "&to=" + to);
    assertThat(o.path("range").path("events").asLong()).isEqualTo(Long.parseLong(text("SELECT count(*) FROM events WHERE true" + in)));
    assertThat(o.path("range").path("customers").asLong())
        .isEqualTo(Long.parseLong(text("SELECT count(DISTINCT profile_id) FROM events WHERE true" + in)));
    assertThat(o.path("overall").path("nps").path("responses").asLong())
        .isEqualTo(ids(" AND scale = 'nps' AND score BETWEEN 0 AND 10" + in).size())
        .isLessThan(get("/api/web/overview").path("overall").path("nps").path("responses").asLong());
  }
}
