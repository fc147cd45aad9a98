package io.wayfinder.store.users;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashing with bcrypt (at.favre.lib:bcrypt, version 2b). The cost is stored in each hash,
 * so raising {@link #COST} later only affects new hashes.
 */
public final class Passwords {
  /** 2^12 rounds: about a quarter of a second per sign-in on one core here, as OWASP suggests (≥ 10). */
  public static final int COST = 12;
  /** bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
  public static final int MAX_BYTES = 72;
  public static final int MIN_LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final BCrypt.Hasher HASHER = BCrypt.with(BCrypt.Version.VERSION_2B, RANDOM,
      at.favre.lib.crypto.bcrypt.LongPasswordStrategies.strict(BCrypt.Version.VERSION_2B));
  /** Verified when a user does not exist, so an unknown name costs as much time as a wrong password. */
  private static final String DECOY = HASHER.hashToString(COST, "decoy-password".toCharArray());

  private Passwords() {}

  /** Throws with a readable reason when {@code password} breaks the policy. */
  public static void check(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      throw new IllegalArgumentException("password: at least " + MIN_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException("password: at most " + MAX_BYTES + " bytes in UTF-8");
    }
  }

  public static String hash(String password) {
    check(password);
    return HASHER.hashToString(COST, password.toCharArray());
  }

  public static boolean verify(String password, String hash) {
    if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      BCrypt.verifyer().verify(new char[0], DECOY);
      return false;
    }
    return BCrypt.verifyer().verify(password.toCharArray(), hash == null ? DECOY : hash).verified && hash != null;
  }

  /** A random password for a first admin: 18 random bytes, URL-safe Base64 (24 characters). */
  public static String random() {
    byte[] raw = new byte[18];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
