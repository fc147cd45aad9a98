package io.wayfinder.store.users;

import java.time.Instant;

/**
 * A signed-in session of the web application: who, with which role, the token that
 * state-changing requests must echo, when it was opened and when it was last used.
 */
public record WebSession(String user, Role role, String csrf, Instant created, Instant lastSeen) {
  public WebSession seen(Instant now) {
    return new WebSession(user, role, csrf, created, now);
  }
}
