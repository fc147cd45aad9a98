package io.wayfinder.store.users;

import java.time.Instant;

/** A local user of the web application. {@code role} is {@link Role#ADMIN} or {@link Role#MEMBER}. */
public record User(String name, Role role, Instant createdAt, Instant passwordChangedAt) {
  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
