package io.wayfinder.core.voc.drivers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-customer driver features of one journey, computed from its events, beside the outcome (the
 * customer's mean score on one question type):
 *
 * <ul>
 *   <li>{@code wait A → B (days)}: from the first A to the first B, for consecutive common steps
 *       (steps at least {@code minCoverage} of the answering customers went through, ordered by
 *       their median time from the customer's first journey event);
 *   <li>{@code contacts (call centre)}: journey events on the call-centre channel;
 *   <li>{@code channel switches}: changes of channel between consecutive journey events;
 *   <li>{@code score: SURVEY}: the mean score of another survey of the journey answered by at
 *       least {@code minCoverage} of them (touchpoint scores).
 * </ul>
 *
 * Constant features are left out; beyond {@code maxDrivers} the ones least correlated with the
 * outcome are left out (Shapley needs every subset). A customer's repeated journeys are pooled:
 * first occurrences count.
 */
public final class JourneyDriverFeatures {
  public static final String CONTACT_CHANNEL = "call_centre";

  /** The outcome and drivers, one value per customer who answered the outcome question. */
  public record Features(DriverVariable outcome, List<DriverVariable> drivers, int customers) {}

  private JourneyDriverFeatures() {}

  /** @param steps events of the journey, grouped by customer and in time order within each */
  public static Features of(List<JourneyStep> steps, String outcomeType, double minCoverage, int maxDrivers) {
    List<Customer> customers = new ArrayList<>();
    Customer cur = null;
    for (JourneyStep s : steps) {
      if (cur == null || cur.id != s.customer()) customers.add(cur = new Customer(s.customer()));
      cur.add(s, outcomeType);
    }
    customers.removeIf(c -> c.outcomeCount == 0);
    int n = customers.size();
    double[] outcome = customers.stream().mapToDouble(c -> c.outcomeSum / c.outcomeCount).toArray();
    List<DriverVariable> drivers = new ArrayList<>();

    List<String> common = commonSteps(customers, minCoverage);
    for (int i = 0; i + 1 < common.size(); i++) {
      String a = common.get(i);
      String b = common.get(i + 1);
      double[] v = new double[n];
      for (int r = 0; r < n; r++) {
        Long ta = customers.get(r).firstAt.get(a);
        Long tb = customers.get(r).firstAt.get(b);
        v[r] = ta == null || tb == null || tb < ta ? Double.NaN : (tb - ta) / 86_400_000.0;
      }
      drivers.add(new DriverVariable("wait " + a + " → " + b + " (days)", v));
    }
    drivers.add(new DriverVariable("contacts (call centre)", customers.stream().mapToDouble(c -> c.contacts).toArray()));
    drivers.add(new DriverVariable("channel switches", customers.stream().mapToDouble(c -> c.switches).toArray()));
    Map<String, Integer> surveyCoverage = new HashMap<>();
    customers.forEach(c -> c.otherScores.keySet().forEach(k -> surveyCoverage.merge(k, 1, Integer::sum)));
    surveyCoverage.entrySet().stream().filter(e -> e.getValue() >= minCoverage * n).map(Map.Entry::getKey).sorted()
        .forEach(survey -> drivers.add(new DriverVariable("score: " + survey, customers.stream()
            .mapToDouble(c -> c.otherScores.containsKey(survey) ? c.otherScores.get(survey)[0] / c.otherScores.get(survey)[1] : Double.NaN)
            .toArray())));

    List<DriverVariable> kept = new ArrayList<>(drivers.stream().filter(d -> varies(d.values())).toList());
    if (kept.size() > maxDrivers) {
      kept.sort(Comparator.comparingDouble((DriverVariable d) -> -Math.abs(pearson(d.values(), outcome))));
      kept = new ArrayList<>(kept.subList(0, maxDrivers));
    }
    return new Features(new DriverVariable(outcomeType, outcome), kept, n);
  }

  private static List<String> commonSteps(List<Customer> customers, double minCoverage) {
    Map<String, List<Long>> offsets = new LinkedHashMap<>();
    for (Customer c : customers) {
      c.firstAt.forEach((step, t) -> offsets.computeIfAbsent(step, k -> new ArrayList<>()).add(t - c.start));
    }
    return offsets.entrySet().stream().filter(e -> e.getValue().size() >= minCoverage * customers.size())
        .sorted(Comparator.comparingLong(e -> median(e.getValue()))).map(Map.Entry::getKey).toList();
  }

  private static long median(List<Long> v) {
    long[] a = v.stream().mapToLong(Long::longValue).sorted().toArray();
    return a[a.length / 2];
  }

  private static boolean varies(double[] v) {
    double first = Double.NaN;
    for (double x : v) {
      if (Double.isNaN(x)) continue;
      if (Double.isNaN(first)) first = x;
      else if (x != first) return true;
    }
    return false;
  }

  /** Pearson correlation over the rows where both are present. */
  static double pearson(double[] x, double[] y) {
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i]) || Double.isNaN(y[i])) continue;
      n++;
      sx += x[i];
      sy += y[i];
      sxx += x[i] * x[i];
      syy += y[i] * y[i];
      sxy += x[i] * y[i];
    }
    double cov = sxy - sx * sy / n;
    double den = Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
    return n < 3 || den == 0 ? 0 : cov / den;
  }

  private static final class Customer {
    final long id;
    final Map<String, Long> firstAt = new HashMap<>();
    final Map<String, double[]> otherScores = new HashMap<>();
    long start = Long.MAX_VALUE;
    double outcomeSum;
    int outcomeCount;
    int contacts;
    int switches;
    String lastChannel;

    Customer(long id) {
      this.id = id;
    }

    void add(JourneyStep s, String outcomeType) {
      if (s.isAnswer()) {
        if (s.score() == null) return;
        if (outcomeType.equals(s.questionType())) {
          outcomeSum += s.score();
          outcomeCount++;
        } else if (s.survey() != null) {
          double[] sc = otherScores.computeIfAbsent(s.survey(), k -> new double[2]);
          sc[0] += s.score();
          sc[1]++;
        }
        return;
      }
      start = Math.min(start, s.epochMillis());
      firstAt.putIfAbsent(s.step(), s.epochMillis());
      if (CONTACT_CHANNEL.equals(s.channel())) contacts++;
      if (lastChannel != null && s.channel() != null && !s.channel().equals(lastChannel)) switches++;
      if (s.channel() != null) lastChannel = s.channel();
    }
  }
}
