package io.wayfinder.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token of the management API. Taken from {@code WAYFINDER_ADMIN_TOKEN} when set;
 * otherwise generated on first start and kept in {@code <data>/admin-token}, readable by the
 * owner only.
 */
public final class AdminToken {
  public static final String FILE_NAME = "admin-token";
  private final byte[] token;
  private final boolean generated;

  private AdminToken(String token, boolean generated) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.generated = generated;
  }

  /** The configured token, or the one stored in {@code dataDir}, or a new one stored there. */
  public static AdminToken load(Path dataDir, String configured) {
    if (configured != null && !configured.isBlank()) return new AdminToken(configured.trim(), false);
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (Files.exists(file)) return new AdminToken(Files.readString(file).trim(), false);
      byte[] raw = new byte[24];
      new SecureRandom().nextBytes(raw);
      String t = "wf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      Files.createDirectories(dataDir);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(file, t + "\n", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
      return new AdminToken(t, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }

  /** True when this start created the token (so it is printed once). */
  public boolean generated() {
    return generated;
  }

  public String value() {
    return new String(token, StandardCharsets.UTF_8);
  }

  /** Constant-time comparison. */
  public boolean matches(String candidate) {
    return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
  }
}
