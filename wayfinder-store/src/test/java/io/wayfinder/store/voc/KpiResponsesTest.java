package io.wayfinder.store.voc;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.event.EventType;
import io.wayfinder.core.identity.IdentityClaims;
import io.wayfinder.core.voc.kpi.ResponseTable;
import io.wayfinder.store.Database;
import io.wayfinder.store.collect.EventWriter;
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
}
