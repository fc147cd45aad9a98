package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimestampTest {
  @Test
  void formatsLikeInstantWithMillisecondsAlwaysShown() {
    assertThat(IsoTimestamp.format(0)).isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(IsoTimestamp.format(Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli()))
        .isEqualTo("2024-02-29T23:59:59.999Z");
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 10_000; i++) {
      long ms = random.nextLong(-30_000_000_000_000L, 200_000_000_000_000L);
      assertThat(Instant.parse(IsoTimestamp.format(ms)).toEpochMilli()).isEqualTo(ms);
    }
  }
}
