package io.wayfinder.core.widget;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.widget.CustomerToken.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerTokenTest {
  static final String SECRET = "wss_example_secret";
  static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void theTokenIsWhatOpensslComputesForTheDocumentedMessage() {
    // printf '%s' 'cust-42:1767225600' | openssl dgst -sha256 -hmac 'wss_example_secret' -r
    assertThat(CustomerToken.sign(SECRET, "cust-42", NEW_YEAR))
        .isEqualTo("1767225600.65ecfb10e80bbf2b96a53bc46343bf6d494159f3f729b40da88ea9daa2ab524f");
  }

  @Test
  void aFreshTokenForTheSameCustomerIsValid() {
    Instant now = NEW_YEAR.minus(Duration.ofMinutes(10));
    String token = CustomerToken.sign(SECRET, "cust-42", NEW_YEAR);
    assertThat(CustomerToken.verify(SECRET, "cust-42", token, now)).isEqualTo(Verdict.VALID);
    assertThat(CustomerToken.verify(SECRET, "cust-42", token.toUpperCase(java.util.Locale.ROOT), now)).isEqualTo(Verdict.VALID);
  }

  @Test
  void anotherCustomersTokenOrAnotherSecretIsForged() {
    Instant now = NEW_YEAR.minus(Duration.ofMinutes(10));
    String token = CustomerToken.sign(SECRET, "cust-42", NEW_YEAR);
    assertThat(CustomerToken.verify(SECRET, "cust-43", token, now)).isEqualTo(Verdict.FORGED);
    assertThat(CustomerToken.verify("wss_other", "cust-42", token, now)).isEqualTo(Verdict.FORGED);
    // A later expiry pasted onto a valid signature does not make it last longer.
    assertThat(CustomerToken.verify(SECRET, "cust-42", "1767229200" + token.substring(token.indexOf('.')), now)).isEqualTo(Verdict.FORGED);
    // The separator keeps "cust-4" + "2:..." from signing for "cust-42".
    assertThat(CustomerToken.verify(SECRET, "cust-4", token, now)).isEqualTo(Verdict.FORGED);
  }

  @Test
  void anExpiredOrTooLongLivedTokenIsRefusedEvenWhenWellSigned() {
    String token = CustomerToken.sign(SECRET, "cust-42", NEW_YEAR);
    assertThat(CustomerToken.verify(SECRET, "cust-42", token, NEW_YEAR)).isEqualTo(Verdict.EXPIRED);
    assertThat(CustomerToken.verify(SECRET, "cust-42", token, NEW_YEAR.plusSeconds(1))).isEqualTo(Verdict.EXPIRED);
    Instant dayAndMinuteBefore = NEW_YEAR.minus(CustomerToken.MAX_LIFETIME).minusSeconds(60);
    assertThat(CustomerToken.verify(SECRET, "cust-42", token, dayAndMinuteBefore)).isEqualTo(Verdict.TOO_LONG_LIVED);
  }

  @Test
  void anythingElseIsMalformed() {
    for (String bad : new String[] {null, "", "abc", "1767225600", "1767225600.", "1767225600.XYZ",
        "x.65ecfb10e80bbf2b96a53bc46343bf6d494159f3f729b40da88ea9daa2ab524f"}) {
      assertThat(CustomerToken.verify(SECRET, "cust-42", bad, NEW_YEAR.minusSeconds(5))).as(String.valueOf(bad)).isEqualTo(Verdict.MALFORMED);
    }
  }
}
