package io.wayfinder.store.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.collect.InvalidMessageException;
import io.wayfinder.core.collect.Source;
import io.wayfinder.core.collect.Violation;
import io.wayfinder.core.event.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the collection API accepts and how it names what it refuses, before anything reaches the store. */
class SegmentMessagesTest {
  private static final Source WEB = new Source("src_1", "website", "web", "wk_1", Instant.now());
  private static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00Z");

  private static List<CollectedMessage> track(String json) {
    return SegmentMessages.convert(SegmentPayload.single(json.getBytes(StandardCharsets.UTF_8)), EventType.TRACK, WEB, RECEIVED);
  }

  private static List<CollectedMessage> batch(String json) {
    return SegmentMessages.convert(SegmentPayload.batch(json.getBytes(StandardCharsets.UTF_8)), null, WEB, RECEIVED);
  }

  private static InvalidMessageException refusal(Runnable r) {
    try {
      r.run();
    } catch (InvalidMessageException e) {
      return e;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void clockSkewIsCorrectedFromTheReceiveTime() {
    Instant t = track("{\"event\":\"A\",\"userId\":\"u\",\"sentAt\":\"2024-01-01T00:00:10Z\",\"timestamp\":\"2024-01-01T00:00:00Z\"}")
        .get(0).event().timestamp();
    assertThat(t).isEqualTo(RECEIVED.minusSeconds(10));
  }

  @ParameterizedTest(name = "timestamp {0} sent at {1}")
  @CsvSource({"2199-12-31T00:00:00Z, 2024-01-01T00:00:00Z", "1970-01-02T00:00:00Z, 2199-01-01T00:00:00Z"})
  void aSkewCorrectionOutsideTheStorableRangeIsRefusedNamingBothValues(String timestamp, String sentAt) {
    InvalidMessageException e = refusal(() -> track("{\"event\":\"A\",\"userId\":\"u\",\"sentAt\":\"" + sentAt
        + "\",\"timestamp\":\"" + timestamp + "\"}"));
    Violation v = e.violations().get(0);
    assertThat(v.field()).isEqualTo("timestamp");
    assertThat(v.detail()).contains("corrected for clock skew", "out of range (between 1970-01-01 and ", timestamp, sentAt);
    assertThat(e.getMessage()).startsWith("timestamp: ");
  }

  @ParameterizedTest(name = "{0} after the receive time")
  @CsvSource({"PT25H", "P2D", "P36500D"})
  void aTimestampMoreThanADayAfterTheServerClockIsRefused(java.time.Duration ahead) {
    String timestamp = RECEIVED.plus(ahead).toString();
    InvalidMessageException e = refusal(() -> track("{\"event\":\"A\",\"userId\":\"u\",\"timestamp\":\"" + timestamp + "\"}"));
    assertThat(e.violations().get(0).field()).isEqualTo("timestamp");
    assertThat(e.violations().get(0).detail()).contains(timestamp, "1 day after the server's clock",
        io.wayfinder.core.event.EventTimeRange.latest(RECEIVED).toString());
  }

  @Test
  void aTimestampWithinADayAfterTheServerClockIsStoredAsSent() {
    Instant soon = RECEIVED.plus(java.time.Duration.ofHours(23));
    assertThat(track("{\"event\":\"A\",\"userId\":\"u\",\"timestamp\":\"" + soon + "\"}").get(0).event().timestamp())
        .isEqualTo(soon);
  }

  @Test
  void aClientClockDaysAheadIsCorrectedBySentAtRatherThanRefused() {
    Instant t = track("{\"event\":\"A\",\"userId\":\"u\",\"sentAt\":\"2027-03-05T00:00:10Z\",\"timestamp\":\"2027-03-05T00:00:00Z\"}")
        .get(0).event().timestamp();
    assertThat(t).isEqualTo(RECEIVED.minusSeconds(10));
  }

  @Test
  void aBatchSentAtCanPushTheCorrectionOutOfRangeToo() {
    InvalidMessageException e = refusal(() -> batch("{\"sentAt\":\"2199-01-01T00:00:00Z\",\"batch\":[{\"type\":\"track\","
        + "\"event\":\"A\",\"userId\":\"u\",\"originalTimestamp\":\"1970-01-02T00:00:00Z\"}]}"));
    assertThat(e.violations().get(0).field()).isEqualTo("originalTimestamp");
    assertThat(e.violations().get(0).detail()).contains("1970-01-02T00:00:00Z", "2199-01-01T00:00:00Z");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"event\":\"\\ud800\",\"userId\":\"u\"}                                    | event",
      "{\"event\":\"A\",\"userId\":\"u\\udc00x\"}                                  | userId",
      "{\"event\":\"A\",\"anonymousId\":\"a\",\"messageId\":\"m\\ud800\"}          | messageId",
      "{\"event\":\"A\",\"userId\":\"u\",\"properties\":{\"a\":{\"b\":[\"ok\",\"\\udfff\"]}}} | properties.a.b[1]",
      "{\"event\":\"A\",\"userId\":\"u\",\"context\":{\"page\":{\"title\":\"x\\ud83d\"}}}   | context.page.title",
      "{\"event\":\"A\",\"userId\":\"u\",\"traits\":{\"name\":\"\\ud83d\\ud83d\"}}  | traits.name"})
  void anUnpairedSurrogateAnywhereIsRefusedNamingTheField(String json, String field) {
    InvalidMessageException e = refusal(() -> track(json));
    assertThat(e.violations().get(0).field()).isEqualTo(field);
    assertThat(e.violations().get(0).detail()).contains("not valid Unicode: unpaired surrogate");
  }

  @Test
  void anUnpairedSurrogateInAKeyIsRefusedByTheParser() {
    InvalidMessageException e = refusal(() -> track("{\"event\":\"A\",\"userId\":\"u\",\"properties\":{\"k\\ud800\":1}}"));
    assertThat(e.getMessage()).startsWith("malformed JSON").contains("surrogate");
  }

  static Stream<Arguments> wellFormedText() {
    return Stream.of(Arguments.of("\\ud83d\\ude00", "\ud83d\ude00"), Arguments.of("caf\\u00e9", "caf\u00e9"),
        Arguments.of("\\u65e5\\u672c", "\u65e5\u672c"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("wellFormedText")
  void pairedSurrogatesAndOtherEscapesAreKept(String escaped, String text) {
    CollectedMessage m = track("{\"event\":\"" + escaped + "\",\"userId\":\"u\",\"properties\":{\"" + escaped + "\":\"" + escaped + "\"}}").get(0);
    assertThat(m.event().name()).isEqualTo(text);
    assertThat(m.event().properties()).containsEntry(text, text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"batch\":{}}                          | batch: must be an array of messages",
      "{\"batch\":[],\"context\":3}            | context: must be an object",
      "{\"batch\":[],\"sentAt\":\"bogus\"}     | sentAt: 'bogus' is not an ISO-8601 timestamp",
      "{\"x\":1}                               | batch: is required: an array of messages"})
  void payloadLevelErrorsNameTheirFieldInTheSummaryToo(String json, String detail) {
    InvalidMessageException e = refusal(() -> batch(json));
    assertThat(e.getMessage()).isEqualTo(detail);
    assertThat(e.violations().get(0).index()).isEqualTo(-1);
  }

  @Test
  void aPayloadErrorWithoutAFieldKeepsItsPlainDetail() {
    assertThatThrownBy(() -> batch("[1]")).hasMessage("the body must be a JSON object");
  }
}
