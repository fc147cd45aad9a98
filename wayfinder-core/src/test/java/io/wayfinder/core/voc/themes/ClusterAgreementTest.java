package io.wayfinder.core.voc.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterAgreementTest {

  @Test
  void aClusteringThatSplitsOneLabelScoresAsComputedByHand() {
    // labels a a b b, clusters 0 0 1 2: MI = H(labels) = ln 2; H(clusters) = 1.5 ln 2, so
    // NMI = ln 2 / (1.25 ln 2) = 0.8; pairs together in both: 1, in labels: 2, in clusters: 1,
    // expected 2 * 1 / 6 = 1/3, ARI = (1 - 1/3) / (1.5 - 1/3) = 4/7
    ClusterAgreement a = ClusterAgreement.of(List.of("a", "a", "b", "b"), new int[] {0, 0, 1, 2});
    assertThat(a.nmi()).isCloseTo(0.8, within(1e-12));
    assertThat(a.adjustedRand()).isCloseTo(4.0 / 7, within(1e-12));
  }

  @Test
  void renamingClustersChangesNothingAndAPerfectMatchScoresOne() {
    List<String> labels = List.of("x", "x", "y", "y", "z", "z");
    ClusterAgreement same = ClusterAgreement.of(labels, new int[] {2, 2, 0, 0, 1, 1});
    assertThat(same.nmi()).isCloseTo(1, within(1e-12));
    assertThat(same.adjustedRand()).isCloseTo(1, within(1e-12));
  }

  @Test
  void clustersCrossingTheLabelsScoreNoBetterThanChance() {
    ClusterAgreement a = ClusterAgreement.of(List.of("a", "a", "b", "b"), new int[] {0, 1, 0, 1});
    assertThat(a.nmi()).isCloseTo(0, within(1e-12));
    assertThat(a.adjustedRand()).isLessThanOrEqualTo(0);
  }
}
