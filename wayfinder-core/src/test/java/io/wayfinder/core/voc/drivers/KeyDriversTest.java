package io.wayfinder.core.voc.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyDriversTest {

  /** TEST-VECTORS.md section 4: mtcars, mpg over cyl, disp, hp, gear (rwa R package README). */
  @Test
  void relativeWeightsAndShapleyReproduceTheMtcarsReference() throws IOException {
    List<String[]> rows = mtcars();
    KeyDriverResult r = KeyDrivers.analyse(column(rows, "mpg"),
        List.of(column(rows, "cyl"), column(rows, "disp"), column(rows, "hp"), column(rows, "gear")));

    assertThat(r.rows()).isEqualTo(32);
    assertThat(r.rSquared()).isCloseTo(0.7791896, within(5e-8));
    expect(r.driver("cyl"), 0.2284797, 29.32274, -1, 0.2470520);
    expect(r.driver("disp"), 0.2221469, 28.50999, -1, 0.2434996);
    expect(r.driver("hp"), 0.2321744, 29.79691, -1, 0.2109129);
    expect(r.driver("gear"), 0.0963886, 12.37037, +1, 0.0777251);
    assertThat(r.drivers()).extracting(DriverImportance::name).containsExactly("hp", "cyl", "disp", "gear");
    assertThat(r.driver("gear").performance()).isCloseTo(3.6875, within(1e-12));
  }

  private static void expect(DriverImportance d, double raw, double percent, int sign, double shapley) {
    assertThat(d.rawWeight()).as(d.name()).isCloseTo(raw, within(5e-8));
    assertThat(d.rescaledPercent()).as(d.name()).isCloseTo(percent, within(5e-6));
    assertThat(d.sign()).as(d.name()).isEqualTo(sign);
    assertThat(d.shapley()).as(d.name()).isCloseTo(shapley, within(5e-8));
  }

  @Test
  void aPlantedDriverIsNamedFirstAmongCorrelatedOnes() {
    SplittableRandom rnd = new SplittableRandom(42);
    int n = 5_000;
    double[] waiting = new double[n];
    double[] agent = new double[n];
    double[] web = new double[n];
    double[] contacts = new double[n];
    double[] csat = new double[n];
    for (int i = 0; i < n; i++) {
      double mood = rnd.nextGaussian();
      waiting[i] = 10 + 4 * rnd.nextGaussian() - mood;
      agent[i] = 4 + 0.5 * mood + 0.6 * rnd.nextGaussian();
      web[i] = 3.5 + 0.5 * mood + 0.6 * rnd.nextGaussian();
      contacts[i] = Math.max(0, Math.round(1 + 0.1 * waiting[i] + rnd.nextGaussian()));
      csat[i] = 4 - 0.25 * waiting[i] + 0.3 * agent[i] + 0.2 * web[i] + rnd.nextGaussian();
    }
    KeyDriverResult r = KeyDrivers.analyse(new DriverVariable("csat", csat), List.of(
        new DriverVariable("web score", web), new DriverVariable("agent score", agent),
        new DriverVariable("contacts", contacts), new DriverVariable("waiting minutes", waiting)));

    assertThat(r.drivers().get(0).name()).isEqualTo("waiting minutes");
    assertThat(r.drivers().get(0).sign()).isEqualTo(-1);
    assertThat(r.drivers().stream().mapToDouble(DriverImportance::shapley).sum()).isCloseTo(r.rSquared(), within(1e-9));
    assertThat(r.drivers().stream().mapToDouble(DriverImportance::rescaledPercent).sum()).isCloseTo(100, within(1e-9));
    assertThat(r.drivers().stream().max(java.util.Comparator.comparingDouble(DriverImportance::shapley)).orElseThrow().name())
        .isEqualTo("waiting minutes");
  }

  @Test
  void rowsWithAMissingValueAreLeftOutAndConstantDriversRejected() throws IOException {
    List<String[]> rows = mtcars();
    double[] hp = column(rows, "hp").values();
    hp[0] = Double.NaN;
    KeyDriverResult r = KeyDrivers.analyse(column(rows, "mpg"), List.of(new DriverVariable("hp", hp), column(rows, "wt")));
    assertThat(r.rows()).isEqualTo(31);

    double[] constant = new double[32];
    Arrays.fill(constant, 1);
    assertThatThrownBy(() -> KeyDrivers.analyse(column(rows, "mpg"), List.of(new DriverVariable("flat", constant), column(rows, "wt"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flat does not vary");
  }

  private static List<String[]> mtcars() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        KeyDriversTest.class.getResourceAsStream("mtcars.csv"), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) rows.add(line.split(","));
    }
    return rows;
  }

  private static DriverVariable column(List<String[]> rows, String name) {
    int c = Arrays.asList(rows.get(0)).indexOf(name);
    return new DriverVariable(name, rows.stream().skip(1).mapToDouble(row -> Double.parseDouble(row[c])).toArray());
  }
}
