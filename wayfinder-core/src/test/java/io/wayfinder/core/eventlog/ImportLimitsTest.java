package io.wayfinder.core.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportLimitsTest {
  @Test
  void unsetVariablesGiveTheDocumentedDefaults() {
    assertThat(ImportLimits.from(Map.of())).isEqualTo(new ImportLimits(1_048_576, 1_048_576, Duration.ofSeconds(5)));
  }

  @Test
  void eachVariableSetsItsLimit() {
    assertThat(ImportLimits.from(Map.of("WAYFINDER_IMPORT_MAX_LINE_BYTES", "4096", "WAYFINDER_IMPORT_MAX_ATTRIBUTE_BYTES", " 2048 ",
        "WAYFINDER_IMPORT_STALL_SECONDS", "30"))).isEqualTo(new ImportLimits(4096, 2048, Duration.ofSeconds(30)));
  }

  @Test
  void aValueThatIsNotAPositiveWholeNumberIsRefusedNamingTheVariable() {
    for (String bad : new String[] {"0", "-5", "1MB", "99999999999"}) {
      assertThatThrownBy(() -> ImportLimits.from(Map.of("WAYFINDER_IMPORT_MAX_LINE_BYTES", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("WAYFINDER_IMPORT_MAX_LINE_BYTES: expected a whole number from 1 to 2147483639, got '" + bad + "'");
    }
  }
}
