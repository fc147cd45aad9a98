package io.wayfinder.core.widget;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Identity verification for the survey widget. A write key is public (it sits in every page of
 * the site), so it cannot say <em>which</em> customer is looking at the page; the site's backend
 * vouches for that with a short-lived customer token signed with the source's signing secret:
 *
 * <pre>token = expiry + "." + hex(HMAC-SHA256(key = signing secret as UTF-8,
 *                                    message = customerId + ":" + expiry))</pre>
 *
 * where {@code expiry} is the token's end in whole seconds since 1970 (UTC) and the hex is lower
 * case (upper case is accepted too). Anyone holding the secret can compute it, in any language,
 * with no library of ours.
 * Tokens must end within {@link #MAX_LIFETIME}, so a token copied out of a page soon stops working.
 */
public final class CustomerToken {
  /** The longest a token may live: a token ending later is refused, however well signed. */
  public static final Duration MAX_LIFETIME = Duration.ofHours(24);

  private static final Pattern SHAPE = Pattern.compile("([0-9]{1,12})\\.([0-9a-fA-F]{64})");

  /** Why a token was accepted or refused; everything but {@code VALID} is a refusal. */
  public enum Verdict {
    VALID("valid"),
    MALFORMED("not of the form <expiry seconds>.<64 hex digits of HMAC-SHA256>"),
    EXPIRED("expired"),
    TOO_LONG_LIVED("ends more than " + MAX_LIFETIME.toHours() + " hours from now; tokens must be short-lived"),
    FORGED("not signed with this source's signing secret for this customer");

    private final String reason;

    Verdict(String reason) {
      this.reason = reason;
    }

    /** The reason in words, for an error message. */
    public String reason() {
      return reason;
    }
  }

  private CustomerToken() {}

  /** The token the site's backend would compute for {@code customerId}, valid until {@code expiry}. */
  public static String sign(String secret, String customerId, Instant expiry) {
    long seconds = expiry.getEpochSecond();
    return seconds + "." + HexFormat.of().formatHex(mac(secret, customerId + ":" + seconds));
  }

  /** Checks {@code token} for {@code customerId} at {@code now}; the signature is compared in constant time. */
  public static Verdict verify(String secret, String customerId, String token, Instant now) {
    Matcher m = token == null ? null : SHAPE.matcher(token);
    if (m == null || !m.matches()) return Verdict.MALFORMED;
    long expiry = Long.parseLong(m.group(1));
    boolean signed = MessageDigest.isEqual(mac(secret, customerId + ":" + expiry), HexFormat.of().parseHex(m.group(2)));
    if (!signed) return Verdict.FORGED;
    if (expiry <= now.getEpochSecond()) return Verdict.EXPIRED;
    if (expiry > now.plus(MAX_LIFETIME).getEpochSecond()) return Verdict.TOO_LONG_LIVED;
    return Verdict.VALID;
  }

  private static byte[] mac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
