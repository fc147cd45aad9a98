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
  public static String ensure(UserStore users, Sessions sessions, String configured) {
    boolean given = configured != null && !configured.isBlank();
    if (users.find(UserStore.FIRST_ADMIN).isPresent()) {
      // Sessions outlive restarts, so a reset must end admin's sessions like any password change;
      // the same password given at every start (an environment variable) changes nothing and ends none.
      if (given && users.authenticate(UserStore.FIRST_ADMIN, configured).isEmpty()) {
        users.setPassword(UserStore.FIRST_ADMIN, configured);
        sessions.closeAll(UserStore.FIRST_ADMIN);
      }
      return null;
    }
    if (users.count() > 0) return null;
    String password = given ? configured : io.wayfinder.store.users.Passwords.random();
    users.create(UserStore.FIRST_ADMIN, password, Role.ADMIN);
    return given ? null : password;
  }
}
