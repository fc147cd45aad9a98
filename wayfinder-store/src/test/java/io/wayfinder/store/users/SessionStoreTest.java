package io.wayfinder.store.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
  static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
  @TempDir Path dir;

  @Test
  void aSessionIsReadBackAfterReopeningTheDatabase() {
    WebSession s = new WebSession("mia", Role.MEMBER, "token", T0, T0.plusSeconds(90));
    try (Database db = Database.open(dir)) {
      new SessionStore(db).insert(hash('a'), s);
    }
    try (Database db = Database.open(dir)) {
      assertThat(new SessionStore(db).find(hash('a'))).contains(s);
    }
  }

  @Test
  void anythingButASha256DigestIsRefusedAsAKey() {
    try (Database db = Database.open(dir)) {
      SessionStore store = new SessionStore(db);
      WebSession s = new WebSession("mia", Role.MEMBER, "token", T0, T0);
      assertThatThrownBy(() -> store.insert("raw-session-id-from-a-cookie", s)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.find(hash('A'))).as("upper-case hex is not what we store").isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void deleteExpiredTakesRowsPastEitherCutoffAndDeleteUserTakesOnlyTheirs() {
    try (Database db = Database.open(dir)) {
      SessionStore store = new SessionStore(db);
      store.insert(hash('1'), new WebSession("mia", Role.MEMBER, "t", T0, T0));
      store.insert(hash('2'), new WebSession("mia", Role.MEMBER, "t", T0.minus(Duration.ofDays(8)), T0));
      store.insert(hash('3'), new WebSession("ann", Role.ADMIN, "t", T0, T0.plusSeconds(60)));
      store.insert(hash('4'), new WebSession("ann", Role.ADMIN, "t", T0, T0.plusSeconds(60)));
      assertThat(store.deleteExpired(T0.plusSeconds(1), T0.minus(Duration.ofDays(7)))).isEqualTo(2);
      assertThat(store.find(hash('3'))).isPresent();
      assertThat(store.deleteUser("ann")).isEqualTo(2);
      assertThat(store.find(hash('4'))).isEmpty();
    }
  }

  private static String hash(char c) {
    return String.valueOf(c).repeat(64);
  }
}
