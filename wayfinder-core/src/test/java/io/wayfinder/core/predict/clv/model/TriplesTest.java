package io.wayfinder.core.predict.clv.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TriplesTest {

  private static void assertCompressesLikeATreeMap(int[] k, double[] u, double[] v) {
    Map<List<Double>, Integer> expected = new TreeMap<>((a, b) -> {
      for (int i = 0; i < 3; i++) {
        int c = Double.compare(a.get(i), b.get(i));
        if (c != 0) return c;
      }
      return 0;
    });
    for (int i = 0; i < k.length; i++) expected.merge(List.of((double) k[i], u[i] + 0.0, v[i] + 0.0), 1, Integer::sum);
    Triples t = Triples.compress(k, u, v);
    List<List<Double>> rows = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      rows.add(List.of((double) t.k[i], t.u[i], t.v[i]));
      assertThat(t.count[i]).isEqualTo(expected.get(rows.get(i)).doubleValue());
    }
    assertThat(rows).containsExactlyElementsOf(expected.keySet());
  }

  @Test
  void compressesAndSortsWithCounts() {
    Random r = new Random(3);
    int n = 50_000;
    int[] k = new int[n];
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      k[i] = r.nextInt(5);
      u[i] = k[i] == 0 ? (r.nextBoolean() ? 0.0 : -0.0) : r.nextInt(40) / 7.0;
      v[i] = (200 + r.nextInt(60)) / 7.0;
    }
    assertCompressesLikeATreeMap(k, u, v);
  }

  @Test
  void hugeCountsTakeTheGeneralSort() {
    int[] k = {3_000_000, 2, 3_000_000, 2, 0};
    double[] u = {5, 1, 5, 1.5, 0};
    double[] v = {9, 9, 9, 9, 9};
    assertCompressesLikeATreeMap(k, u, v);
    assertThat(Triples.compress(k, u, v).size()).isEqualTo(4);
  }
}
