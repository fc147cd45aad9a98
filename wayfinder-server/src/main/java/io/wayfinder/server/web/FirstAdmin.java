package io.wayfinder.server.web;

import io.wayfinder.store.users.Role;
import io.wayfinder.store.users.UserStore;

/**
 * The first admin: created when there are no users, with the configured password or a random one
 * that the server prints once. A configured password also resets an existing admin's, so an
 * operator who lost it can get back in through the environment.
 */
public final class FirstAdmin {
  private FirstAdmin() {}

  /** The generated password to print, or null when none was generated. */
  public static String ensure(UserStore users, String configured) {
    boolean given = configured != null && !configured.isBlank();
    if (users.find(UserStore.FIRST_ADMIN).isPresent()) {
      if (given) users.setPassword(UserStore.FIRST_ADMIN, configured);
      return null;
    }
    if (users.count() > 0) return null;
    String password = given ? configured : io.wayfinder.store.users.Passwords.random();
    users.create(UserStore.FIRST_ADMIN, password, Role.ADMIN);
    return given ? null : password;
  }
}
