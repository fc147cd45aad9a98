package io.wayfinder.store.voc;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.event.EventType;
import io.wayfinder.core.identity.IdentityClaims;
import io.wayfinder.core.collect.Source;
import io.wayfinder.core.voc.kpi.Breakdown;
import io.wayfinder.core.voc.kpi.BreakdownEngine;
import io.wayfinder.core.voc.kpi.Dimension;
import io.wayfinder.core.voc.kpi.ResponseTable;
import io.wayfinder.core.voc.kpi.ScoreScale;
import io.wayfinder.core.voc.kpi.TrendPeriod;
import io.wayfinder.store.Database;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.collect.SegmentMessages;
import io.wayfinder.store.collect.SegmentPayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which collected survey answers count towards the KPIs. */
class KpiResponsesTest {
  @TempDir Path dir;

  @Test
  void onlyWholeScoresOnTheScaleCount() {
    List<Object> scores = List.of(9, "8", 7.0, 7.5, "6.5", 11, -1, "ten");
    List<CollectedMessage> messages = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
      Event e = new Event(0, "m" + i, EventType.TRACK, KpiResponses.SURVEY_RESPONSE, 0, null, "cust-" + i, "web", "checkout",
          at, at, Map.of("question_type", "nps", "score", scores.get(i)), Map.of(), "test");
      messages.add(new CollectedMessage(e, IdentityClaims.of("cust-" + i, null), Map.of(), Map.of()));
    }
    try (Database db = Database.open(dir); EventWriter w = new EventWriter(db)) {
      w.write(messages);
      KpiResponses kpi = new KpiResponses(db, "plan");
      ResponseTable table = kpi.table();
      assertThat(table.size()).isEqualTo(3);
      assertThat(kpi.skipped()).isEqualTo(5);
    }
  }

  private static List<CollectedMessage> batch(String json) {
    Source web = new Source("src_1", "website", "web", "wk_1", Instant.now());
    return SegmentMessages.convert(SegmentPayload.batch(json.getBytes(StandardCharsets.UTF_8)), null, web, Instant.now());
  }

  private static String answers(int from, int to) {
    StringBuilder b = new StringBuilder("{\"batch\": [");
    for (int i = from; i < to; i++) {
      if (i > from) b.append(',');
      String user = "u" + (i % 7);
      if (i % 5 == 0 && i < 60) b.append("{\"type\": \"identify\", \"userId\": \"" + user + "\", \"traits\": {\"plan\": \"p" + (i % 3) + "\"}},");
      b.append("{\"type\": \"track\", \"event\": \"Survey Response\", \"userId\": \"" + user + "\", \"timestamp\": \"2026-01-0"
          + (1 + i % 9) + "T10:00:00Z\", \"properties\": {\"question_type\": \"" + List.of("nps", "CSAT", "ces").get(i % 3)
          + "\", \"score\": " + (1 + i % 5) + ", \"journey\": \"j" + (i % 2) + "\", \"stage\": \"s" + (i % 4) + "\""
          + (i % 6 == 0 ? "" : ", \"touchpoint\": \"t" + (i % 3) + "\"") + ", \"channel\": \"" + List.of("web", "app").get(i % 2) + "\"}}");
    }
    return b.append("]}").toString();
  }

  @Test
  void aFirstLoadReadsTheSameResponsesAsOneToppedUpEventByEvent() {
    try (Database db = Database.open(dir); EventWriter w = new EventWriter(db)) {
      w.write(batch(answers(0, 60)));
      KpiResponses toppedUp = new KpiResponses(db, "plan");
      assertThat(toppedUp.table().size()).isEqualTo(60);
      // no trait writes after the first load: a segment is the trait's value when the response is loaded
      w.write(batch(answers(60, 90)));
      ResponseTable a = toppedUp.table();
      ResponseTable b = new KpiResponses(db, "plan").table();
      assertThat(b.size()).isEqualTo(90).isEqualTo(a.size());
      BreakdownEngine engine = new BreakdownEngine();
      for (ScoreScale scale : ScoreScale.values()) {
        Breakdown q = Breakdown.of(scale).by(Dimension.values()).per(TrendPeriod.DAY);
        assertThat(engine.run(q, b).rows()).isNotEmpty().isEqualTo(engine.run(q, a).rows());
      }
      for (Dimension d : Dimension.values()) assertThat(b.values(d)).isEqualTo(a.values(d));
    }
  }
}
