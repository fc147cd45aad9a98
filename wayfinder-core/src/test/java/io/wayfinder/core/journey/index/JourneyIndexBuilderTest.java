package io.wayfinder.core.journey.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.eventlog.EventLogReader;
import io.wayfinder.core.eventlog.EventLogReaders;
import io.wayfinder.core.eventlog.SharedData;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JourneyIndexBuilderTest {
  private static long at(String instant) {
    return JourneyIndexBuilder.micros(Instant.parse(instant));
  }

  private static String activities(JourneyIndex index, int c) {
    StringBuilder sb = new StringBuilder();
    for (int i = index.caseStart(c); i < index.caseStart(c + 1); i++) {
      sb.append(index.activityName(index.classActivity(index.eventClassColumn()[i])));
    }
    return sb.toString();
  }

  @Test
  void groupsByCaseAndSortsStablyByTime() {
    JourneyIndex index = new JourneyIndexBuilder()
        .add("c1", "b", null, at("2024-01-01T10:00:00Z"))
        .add("c2", "x", null, at("2024-01-01T09:00:00Z"))
        .add("c1", "a", null, at("2024-01-01T09:00:00Z"))
        .add("c1", "c", null, at("2024-01-01T10:00:00Z")) // tie with b: b was added first
        .add("c2", "y", null, at("2024-01-01T08:00:00Z"))
        .build();
    assertThat(index.caseCount()).isEqualTo(2);
    assertThat(index.caseName(0)).isEqualTo("c1");
    assertThat(activities(index, 0)).isEqualTo("abc");
    assertThat(activities(index, 1)).isEqualTo("yx");
    assertThat(index.positionColumn()).containsExactly(2, 0, 3, 4, 1);
    assertThat(index.caseColumn()).containsExactly(0, 0, 0, 1, 1);
    assertThat(index.time(0)).isEqualTo(Instant.parse("2024-01-01T09:00:00Z"));
  }

  @Test
  void longCasesOutOfOrderSortStablyToo() {
    JourneyIndexBuilder b = new JourneyIndexBuilder();
    for (int i = 0; i < 200; i++) {
      b.add("c", "e" + i, null, (199 - i) / 2); // pairs of equal times, in reverse
    }
    JourneyIndex index = b.build();
    long[] t = index.timeColumn();
    int[] p = index.positionColumn();
    for (int i = 1; i < 200; i++) {
      assertThat(t[i] > t[i - 1] || (t[i] == t[i - 1] && p[i] > p[i - 1])).as("event %d", i).isTrue();
    }
  }

  @Test
  void keepsLifecycleAsPartOfTheEventClass() {
    JourneyIndex index = new JourneyIndexBuilder()
        .add("c", "a", "start", 1).add("c", "a", "complete", 2).add("c", "a", "start", 3).add("c", "b", null, 4)
        .build();
    assertThat(index.eventClassCount()).isEqualTo(3);
    assertThat(index.activityCount()).isEqualTo(2);
    assertThat(index.classLifecycle(index.eventClassColumn()[1])).isEqualTo("complete");
    assertThat(index.classLifecycle(index.eventClassColumn()[3])).isNull();
  }

  @Test
  void columnsFromAStoreGiveTheSameIndexAsEvents() {
    JourneyIndex fromColumns = JourneyIndexBuilder.fromColumns(
        new String[] {"c1", "c2"}, new int[] {0, 1, 0},
        new String[] {"a", "b"}, new int[] {1, 0, 0},
        new String[] {"complete"}, new int[] {0, -1, 0},
        new long[] {20, 5, 10});
    assertThat(fromColumns.caseColumn()).containsExactly(0, 0, 1);
    assertThat(fromColumns.positionColumn()).containsExactly(2, 0, 1);
    assertThat(fromColumns.timeColumn()).containsExactly(10, 20, 5);
    assertThat(fromColumns.classLifecycle(fromColumns.eventClassColumn()[2])).isNull();
    assertThatThrownBy(() -> JourneyIndexBuilder.fromColumns(
            new String[] {"c1"}, new int[] {0}, new String[] {"a"}, new int[] {1}, null, null, new long[] {0}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void receiptIndexStaysUnderFortyBytesPerEvent() {
    JourneyIndex index;
    try (EventLogReader events = EventLogReaders.open(SharedData.eventLog("receipt.xes.gz"))) {
      index = JourneyIndexBuilder.of(events);
    }
    assertThat(index.eventCount()).isEqualTo(8577);
    assertThat(index.caseCount()).isEqualTo(1434);
    assertThat((double) index.estimatedBytes() / index.eventCount()).isLessThan(40);
  }
}
