package io.wayfinder.core.identity;

import java.util.Locale;
import java.util.Objects;

/**
 * One identifier of a customer: a user id, an anonymous id, an e-mail address or an external id
 * of another system ({@code kind} is then that system's id type, e.g. {@code "crm_id"}).
 */
public record Identity(String kind, String value) {
  public static final String USER_ID = "user_id";
  public static final String ANONYMOUS_ID = "anonymous_id";
  public static final String EMAIL = "email";

  public Identity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (kind.equals(EMAIL)) value = value.trim().toLowerCase(Locale.ROOT);
  }

  public static Identity userId(String v) { return new Identity(USER_ID, v); }
  public static Identity anonymousId(String v) { return new Identity(ANONYMOUS_ID, v); }
  public static Identity email(String v) { return new Identity(EMAIL, v); }

  /** A compact key for hash maps. */
  String key() {
    return kind + '\u0000' + value;
  }
}
