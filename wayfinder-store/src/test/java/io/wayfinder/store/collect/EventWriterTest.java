package io.wayfinder.store.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.collect.Source;
import io.wayfinder.core.collect.WriteReceipt;
import io.wayfinder.core.profile.Profile;
import io.wayfinder.store.Database;
import io.wayfinder.store.Stats;
import io.wayfinder.store.profiles.ProfileStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventWriterTest {
  @TempDir Path dir;
  private final Source web = new Source("src_1", "website", "web", "wk_1", Instant.now());

  private List<CollectedMessage> batch(String json) {
    return SegmentMessages.convert(SegmentPayload.batch(json.getBytes(StandardCharsets.UTF_8)), null, web, Instant.now());
  }

  @Test
  void anonymousEventsJoinTheKnownProfileAfterIdentifyAndSurviveReopening() {
    try (Database db = Database.open(dir); EventWriter w = new EventWriter(db)) {
      WriteReceipt r = w.write(batch("""
          {"batch":[
           {"type":"page","name":"Home","anonymousId":"a-1","messageId":"m1","timestamp":"2026-01-01T10:00:00Z"},
           {"type":"track","event":"Product Viewed","anonymousId":"a-1","messageId":"m2","timestamp":"2026-01-01T10:01:00Z"},
           {"type":"identify","userId":"u-1","anonymousId":"a-1","messageId":"m3","traits":{"email":"Ann@Example.com","plan":"gold","consent":{"email":true}}},
           {"type":"track","event":"Order Completed","userId":"u-1","messageId":"m4","properties":{"revenue":42.5,"channel":"app"}}
          ]}"""));
      assertThat(r).isEqualTo(new WriteReceipt(4, 0, 1));
      assertThat(w.write(batch("{\"batch\":[{\"type\":\"track\",\"event\":\"X\",\"userId\":\"u-1\",\"messageId\":\"m4\"}]}")))
          .isEqualTo(new WriteReceipt(0, 1, 0));
    }
    try (Database db = Database.open(dir)) {
      Profile p = new ProfileStore(db).find("u-1", 10).orElseThrow();
      assertThat(p.eventCount()).isEqualTo(4);
      assertThat(p.traits()).containsEntry("plan", "gold");
      assertThat(p.consent()).containsEntry("email", true);
      assertThat(p.eventsByChannel()).containsEntry("web", 3L).containsEntry("app", 1L);
      assertThat(p.identities()).extracting(i -> i.kind() + ":" + i.value())
          .contains("anonymous_id:a-1", "user_id:u-1", "email:ann@example.com");
      assertThat(new ProfileStore(db).find("ann@example.com", 1)).get().extracting(Profile::id).isEqualTo(p.id());
      try (EventWriter w = new EventWriter(db)) {
        // The reopened writer still knows the message ids and identities.
        assertThat(w.write(batch("{\"batch\":[{\"type\":\"track\",\"event\":\"Again\",\"anonymousId\":\"a-1\",\"messageId\":\"m1\"},"
            + "{\"type\":\"track\",\"event\":\"Later\",\"anonymousId\":\"a-1\",\"messageId\":\"m9\"}]}")))
            .isEqualTo(new WriteReceipt(1, 1, 0));
      }
      Stats s = Stats.read(db);
      assertThat(s.events()).isEqualTo(5);
      assertThat(s.profiles()).isEqualTo(1);
    }
  }

  @Test
  void mergeMovesTheAnonymousProfilesEventsAndIsAudited() {
    try (Database db = Database.open(dir); EventWriter w = new EventWriter(db)) {
      w.write(batch("{\"batch\":[{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\",\"anonymousId\":\"phone\"},"
          + "{\"type\":\"track\",\"event\":\"B\",\"anonymousId\":\"laptop\"}]}"));
      w.write(batch("{\"batch\":[{\"type\":\"identify\",\"userId\":\"u\",\"anonymousId\":\"laptop\"}]}"));
      Profile p = new ProfileStore(db).find("u", 10).orElseThrow();
      assertThat(p.eventCount()).isEqualTo(3);
      assertThat(p.mergedProfiles()).hasSize(1);
      Stats s = Stats.read(db);
      assertThat(s.profiles()).isEqualTo(1);
      assertThat(s.merges()).isEqualTo(1);
    }
  }
}
