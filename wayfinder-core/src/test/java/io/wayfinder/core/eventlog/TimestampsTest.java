package io.wayfinder.core.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static Instant utc(String s) {
    return Timestamps.parse(s, ZoneOffset.UTC);
  }

  @Test
  void honoursOffsetsInXesAndCsvForms() {
    Instant expected = Instant.parse("2011-10-11T11:45:40.276Z");
    assertThat(utc("2011-10-11T13:45:40.276+02:00")).isEqualTo(expected);
    assertThat(utc("2011-10-11 13:45:40.276000+02:00")).isEqualTo(expected);
    assertThat(utc("2011-10-11T13:45:40.276+0200")).isEqualTo(expected);
    assertThat(utc("2011-10-11T13:45:40.276+02")).isEqualTo(expected);
    assertThat(utc("2011-10-11T11:45:40.276Z")).isEqualTo(expected);
    assertThat(utc("2011-10-11T11:45:40.276+00:00")).isEqualTo(expected);
  }

  @Test
  void readsOffsetlessValuesInTheDefaultZone() {
    assertThat(utc("2010-12-30 14:32:00")).isEqualTo(Instant.parse("2010-12-30T14:32:00Z"));
    assertThat(utc("2010-12-30T14:32")).isEqualTo(Instant.parse("2010-12-30T14:32:00Z"));
    assertThat(utc("2010-12-30")).isEqualTo(Instant.parse("2010-12-30T00:00:00Z"));
    assertThat(Timestamps.parse("2010-12-30 14:32:00", ZoneId.of("Europe/Amsterdam")))
        .isEqualTo(Instant.parse("2010-12-30T13:32:00Z"));
  }

  @Test
  void keepsFractionsUpToNanoseconds() {
    assertThat(utc("2020-01-01T00:00:00.123456789Z").getNano()).isEqualTo(123_456_789);
    assertThat(utc("2020-01-01T00:00:00.5Z").getNano()).isEqualTo(500_000_000);
  }

  @Test
  void rejectsWhatIsNotADateTime() {
    assertThatThrownBy(() -> utc("30/12/2010 14:32")).hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> utc("2010-13-30T14:32:00Z")).hasMessageContaining("2010-13-30");
    assertThatThrownBy(() -> utc("2010-12-30T14:32:00 CET")).hasMessageContaining("ISO-8601");
  }
}
