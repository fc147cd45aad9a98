package io.wayfinder.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityGraphTest {
  private final IdentityGraph graph = new IdentityGraph();

  @Test
  void anonymousVisitorBecomesKnownOnIdentifyAndKeepsOneProfile() {
    long anon = graph.resolve(IdentityClaims.of(null, "a1")).profileId();
    Resolution known = graph.resolve(IdentityClaims.of("u1", "a1"));
    assertThat(known.profileId()).isEqualTo(anon);
    assertThat(known.newProfile()).isFalse();
    assertThat(graph.resolve(IdentityClaims.of("u1", null)).profileId()).isEqualTo(anon);
    assertThat(graph.userIdOf(anon)).isEqualTo("u1");
  }

  @Test
  void secondDeviceIsFoldedIntoTheKnownProfile() {
    long p = graph.resolve(IdentityClaims.of("u1", "a1")).profileId();
    long other = graph.resolve(IdentityClaims.of(null, "a2")).profileId();
    assertThat(other).isNotEqualTo(p);
    Resolution r = graph.resolve(IdentityClaims.of("u1", "a2"));
    assertThat(r.profileId()).isEqualTo(p);
    assertThat(r.merges()).singleElement().satisfies(m -> {
      assertThat(m.fromProfile()).isEqualTo(other);
      assertThat(m.intoProfile()).isEqualTo(p);
    });
    assertThat(graph.profileOf(Identity.anonymousId("a2"))).isEqualTo(p);
    assertThat(graph.canonical(other)).isEqualTo(p);
  }

  @Test
  void twoKnownUsersAreNeverMergedSilently() {
    long p1 = graph.resolve(IdentityClaims.of("u1", "shared-device")).profileId();
    Resolution r = graph.resolve(IdentityClaims.of("u2", "shared-device"));
    assertThat(r.profileId()).isNotEqualTo(p1);
    assertThat(r.merges()).isEmpty();
    assertThat(r.refused()).singleElement().satisfies(m -> assertThat(m.reason()).contains("u1").contains("u2"));
    assertThat(graph.profileOf(Identity.anonymousId("shared-device"))).isEqualTo(p1);
  }

  @Test
  void emailLinksAnAnonymousProfileToTheKnownCustomer() {
    long known = graph.resolve(new IdentityClaims("u1", null, null, List.of(Identity.email("Ann@Example.com")))).profileId();
    long anon = graph.resolve(IdentityClaims.of(null, "a9")).profileId();
    Resolution r = graph.resolve(new IdentityClaims(null, "a9", null, List.of(Identity.email(" ann@example.COM"))));
    assertThat(r.profileId()).isEqualTo(known);
    assertThat(graph.canonical(anon)).isEqualTo(known);
  }

  @Test
  void aliasOfAnUnknownPreviousIdAttachesIt() {
    long p = graph.resolve(IdentityClaims.of("new-user", null)).profileId();
    graph.resolve(new IdentityClaims("new-user", null, "old-anon", List.of()));
    assertThat(graph.profileOf(Identity.anonymousId("old-anon"))).isEqualTo(p);
  }

  @Test
  void aliasBetweenTwoKnownUserIdsIsRefused() {
    long p1 = graph.resolve(IdentityClaims.of("u1", null)).profileId();
    long p2 = graph.resolve(IdentityClaims.of("u2", null)).profileId();
    Resolution r = graph.resolve(new IdentityClaims("u2", null, "u1", List.of()));
    assertThat(r.profileId()).isEqualTo(p2);
    assertThat(r.refused()).hasSize(1);
    assertThat(graph.canonical(p1)).isEqualTo(p1);
  }

  @Test
  void restoredGraphResolvesLikeTheOriginal() {
    graph.resolve(IdentityClaims.of("u1", "a1"));
    IdentityGraph restored = new IdentityGraph();
    restored.restoreLink(Identity.userId("u1"), 1);
    restored.restoreLink(Identity.anonymousId("a1"), 1);
    assertThat(restored.resolve(IdentityClaims.of(null, "a1")).profileId()).isEqualTo(1);
    assertThat(restored.resolve(IdentityClaims.of("u3", null)).profileId()).isEqualTo(2);
  }
}
