package io.wayfinder.store.voc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.event.EventType;
import io.wayfinder.core.identity.IdentityClaims;
import io.wayfinder.core.voc.survey.Answer;
import io.wayfinder.core.voc.survey.Question;
import io.wayfinder.core.voc.survey.QuestionType;
import io.wayfinder.store.Database;
import io.wayfinder.store.Stats;
import io.wayfinder.store.collect.EventWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A response and its events are written in the event writer's transaction: both land, or neither. */
class ResponseStoreTest {
  @TempDir Path dir;

  private static final Question NPS = new Question("nps", QuestionType.NPS, "Would you recommend us?", List.of(), true);

  private static Invitation invitation() {
    Instant now = Instant.now();
    return new Invitation(Invitation.newToken(), "s1", "link", null, "cust-1", null, "online_order", "respond", "delivery",
        "email", null, now, now, null);
  }

  private static List<CollectedMessage> event(String responseId) {
    Instant at = Instant.now();
    Event e = new Event(0, responseId + "/nps", EventType.TRACK, KpiResponses.SURVEY_RESPONSE, 0, null, "cust-1", "email",
        "delivery", at, at, Map.of("survey", "s1", "score", 9), Map.of(), "surveys");
    return List.of(new CollectedMessage(e, IdentityClaims.of("cust-1", null), Map.of(), Map.of()));
  }

  private Database db;
  private EventWriter writer;
  private InvitationStore invitations;
  private ResponseStore responses;
  private Invitation inv;

  @BeforeEach
  void open() {
    db = Database.open(dir);
    writer = new EventWriter(db);
    invitations = new InvitationStore(db);
    responses = new ResponseStore(db);
    inv = invitations.create(invitation());
  }

  @AfterEach
  void close() {
    writer.close();
    db.close();
  }

  private EventWriter.BulkJob answer(String responseId, int score) {
    return responses.answer(inv, responseId, List.of(new Answer(NPS, score, null, null)), event(responseId), Instant.now());
  }

  @Test
  void aResponseAndItsEventCommitTogether() {
    writer.runBulk(answer("resp_1", 9));
    assertThat(responses.answerCount()).isEqualTo(1);
    assertThat(Stats.read(db).events()).isEqualTo(1);
    assertThat(invitations.find(inv.token()).orElseThrow().answered()).isTrue();
    assertThat(responses.list("s1", 10)).singleElement().extracting(StoredAnswer::profileId).isNotNull();
  }

  @Test
  void aFailedWriteLeavesNoResponseAndTheInvitationOpen() {
    EventWriter.BulkJob job = answer("resp_1", 9);
    assertThatThrownBy(() -> writer.runBulk(s -> {
      job.run(s);
      throw new IllegalStateException("the disk filled up");
    })).hasMessageContaining("disk filled up");
    assertThat(responses.answerCount()).isZero();
    assertThat(Stats.read(db).events()).isZero();
    assertThat(invitations.find(inv.token()).orElseThrow().answered()).isFalse();
  }

  @Test
  void anInvitationAnsweredAlreadyWritesNothingMore() {
    writer.runBulk(answer("resp_1", 9));
    assertThatThrownBy(() -> writer.runBulk(answer("resp_2", 3)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("answered already");
    assertThat(responses.answerCount()).isEqualTo(1);
    assertThat(Stats.read(db).events()).isEqualTo(1);
  }
}
