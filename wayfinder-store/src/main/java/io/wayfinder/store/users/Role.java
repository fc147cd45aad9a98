package io.wayfinder.store.users;

import java.util.Locale;

/** What a user may do: an admin manages users, sources and imports; a member reads and queries. */
public enum Role {
  ADMIN, MEMBER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String s) {
    if (s == null || s.isBlank()) return MEMBER;
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("role: expected 'admin' or 'member'");
    }
  }
}
