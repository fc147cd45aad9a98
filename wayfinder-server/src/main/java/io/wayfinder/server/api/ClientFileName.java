package io.wayfinder.server.api;

/**
 * The name a client gives the file it sends ({@code filename}). It names the file in answers and
 * errors instead of any server path, so it must be a bare name.
 */
public final class ClientFileName {
  private ClientFileName() {}

  /** {@code value}, or {@code fallback} when absent; a path or a dot name is refused. */
  public static String of(String value, String fallback) {
    if (value == null) return fallback;
    if (value.isBlank() || value.contains("/") || value.contains("\\") || value.equals(".") || value.equals("..")
        || value.length() > 255 || value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("filename: the file's name without a path, e.g. orders.csv");
    }
    return value;
  }
}
