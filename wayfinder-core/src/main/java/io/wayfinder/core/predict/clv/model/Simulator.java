package io.wayfinder.core.predict.clv.model;

import io.wayfinder.core.predict.clv.summary.Purchase;
import io.wayfinder.core.predict.clv.summary.TimeScale;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Consumer;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Draws synthetic purchase histories from the models' generative stories, at day resolution (so
 * they go through the same summary builder as real data). For tests, benchmarks and demos.
 *
 * <p>Customer i (ids "c0", "c1", …) makes a first purchase on a day drawn uniformly from {@code
 * [start, start + birthDays)}, then repeat purchases until {@code end} (inclusive) by the model;
 * a purchase at model time t after the first is dated {@code floor(t * days per unit)} days later.
 * Amounts follow Gamma-Gamma: ν ~ Gamma(q, rate γ) per customer, each amount ~ Gamma(p, rate ν).
 */
public final class Simulator {
  private final RandomDataGenerator random;
  private final TimeScale scale;
  private final GammaGamma spend;

  /**
   * @param seed random seed, for reproducible draws
   * @param scale the time unit of the model parameters
   * @param spend the spend model for amounts
   */
  public Simulator(long seed, TimeScale scale, GammaGamma spend) {
    this.random = RandomDataGenerator.of(new Well19937c(seed));
    this.scale = scale;
    this.spend = spend;
  }

  /** BG/NBD: Poisson purchases at rate λ ~ Gamma(r, α); after each repeat purchase, gone with p ~ Beta(a, b). */
  public void bgNbd(BgNbd m, int customers, LocalDate start, int birthDays, LocalDate end, Consumer<Purchase> sink) {
    simulate(customers, start, birthDays, end, sink, horizon -> {
      double lambda = random.nextGamma(m.r(), 1 / m.alpha());
      double p = random.nextBeta(m.a(), m.b());
      double t = 0;
      int n = 0;
      while (true) {
        t += random.nextExponential(1 / lambda);
        if (t > horizon) return n;
        record(n++, t);
        if (random.nextDouble() < p) return n;
      }
    });
  }

  /** Pareto/NBD: Poisson purchases at rate λ ~ Gamma(r, α) during an exponential lifetime with rate μ ~ Gamma(s, β). */
  public void paretoNbd(ParetoNbd m, int customers, LocalDate start, int birthDays, LocalDate end, Consumer<Purchase> sink) {
    simulate(customers, start, birthDays, end, sink, horizon -> {
      double lambda = random.nextGamma(m.r(), 1 / m.alpha());
      double mu = random.nextGamma(m.s(), 1 / m.beta());
      double life = Math.min(horizon, random.nextExponential(1 / mu));
      double t = 0;
      int n = 0;
      while (true) {
        t += random.nextExponential(1 / lambda);
        if (t > life) return n;
        record(n++, t);
      }
    });
  }

  /** Repeat-purchase times of the customer being drawn (model units after the first purchase). */
  private double[] times = new double[64];

  private void record(int n, double t) {
    if (n == times.length) times = Arrays.copyOf(times, 2 * n);
    times[n] = t;
  }

  @FunctionalInterface
  private interface Process {
    /** Draws one customer's repeat purchases up to {@code horizon} into {@link #times}; returns how many. */
    int run(double horizon);
  }

  private void simulate(int customers, LocalDate start, int birthDays, LocalDate end, Consumer<Purchase> sink, Process process) {
    if (customers < 0 || birthDays < 1) throw new IllegalArgumentException("customers >= 0 and birthDays >= 1 needed");
    long last = end.toEpochDay();
    for (int i = 0; i < customers; i++) {
      String id = "c" + i;
      LocalDate birth = start.plusDays(random.nextInt(birthDays));
      if (birth.toEpochDay() > last) continue;
      double nu = random.nextGamma(spend.q(), 1 / spend.gamma());
      sink.accept(new Purchase(id, birth, random.nextGamma(spend.p(), 1 / nu)));
      double horizon = scale.fromDays(last - birth.toEpochDay() + 1); // through the end of the last day
      int n = process.run(horizon);
      for (int k = 0; k < n; k++) {
        long day = birth.toEpochDay() + (long) Math.floor(times[k] * scale.days());
        if (day > last) break;
        sink.accept(new Purchase(id, LocalDate.ofEpochDay(day), random.nextGamma(spend.p(), 1 / nu)));
      }
    }
  }
}
