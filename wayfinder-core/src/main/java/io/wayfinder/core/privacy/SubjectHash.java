package io.wayfinder.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a suppressed identifier is kept: the SHA-256 (lower-case hex) of {@code kind:value}, so the
 * list of suppressed customers holds none of their identifiers, yet a new message can be checked
 * against it. DuckDB's {@code sha256('user_id:' || value)} gives the same string, so a bulk import
 * checks its rows in SQL.
 */
public final class SubjectHash {
  private SubjectHash() {}

  /** The hash of one identifier, e.g. {@code of("user_id", "u-42")}. */
  public static String of(String kind, String value) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
