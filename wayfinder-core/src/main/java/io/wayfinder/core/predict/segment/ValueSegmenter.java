package io.wayfinder.core.predict.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Groups customers by CLV and risk.
 *
 * <p>High value: CLV at or above the {@code valueQuantile} of the scored customers' CLVs (0.8: the
 * top fifth). At risk: risk at or above the {@code riskQuantile} of their risks (0.7: the riskiest
 * three tenths) and at least {@code riskFloor} (0.5: more likely to leave than to stay). The
 * quantile keeps the at-risk groups small enough to act on where most customers are likely to
 * lapse (in retail most are: on the demo data 60 % buy nothing in the next 90 days); the floor
 * keeps a healthy base from being called at risk. Value at stake of a customer = CLV × risk, the
 * value expected to be lost without action.
 *
 * @param valueQuantile quantile of CLV above which a customer is high value, in (0, 1)
 * @param riskQuantile quantile of risk above which a customer may be at risk, in (0, 1)
 * @param riskFloor risk below which no customer is at risk, in (0, 1)
 */
public record ValueSegmenter(double valueQuantile, double riskQuantile, double riskFloor) {
  public static final ValueSegmenter DEFAULT = new ValueSegmenter(0.8, 0.7, 0.5);

  public ValueSegmenter {
    if (!(valueQuantile > 0 && valueQuantile < 1)) throw new IllegalArgumentException("value quantile must be in (0, 1), got " + valueQuantile);
    if (!(riskQuantile > 0 && riskQuantile < 1)) throw new IllegalArgumentException("risk quantile must be in (0, 1), got " + riskQuantile);
    if (!(riskFloor > 0 && riskFloor < 1)) throw new IllegalArgumentException("risk floor must be in (0, 1), got " + riskFloor);
  }

  /** A customer to place: finite CLV and a risk in [0, 1]. */
  public record Customer(String id, double clv, double risk) {
    public Customer {
      if (!Double.isFinite(clv)) throw new IllegalArgumentException("customer " + id + ": CLV is not finite");
      if (!(risk >= 0 && risk <= 1)) throw new IllegalArgumentException("customer " + id + ": risk must be in [0, 1], got " + risk);
    }
  }

  /** One customer's segment. */
  public record Assignment(String id, ValueSegment segment, double clv, double risk) {}

  /** A segment's size and worth. */
  public record Group(ValueSegment segment, int customers, double clv, double valueAtStake) {}

  /** The result: each customer's segment, per-segment totals and the CLV and risk thresholds used. */
  public record Segmentation(List<Assignment> assignments, List<Group> groups, double highValueClv, double riskThreshold) {}

  /** Places every customer; the CLV threshold is the quantile of their CLVs (empty input: no groups). */
  public Segmentation assign(List<Customer> customers) {
    double threshold = quantile(customers.stream().mapToDouble(Customer::clv).toArray(), valueQuantile);
    double riskThreshold = Math.max(riskFloor, quantile(customers.stream().mapToDouble(Customer::risk).toArray(), riskQuantile));
    List<Assignment> out = new ArrayList<>(customers.size());
    Map<ValueSegment, double[]> totals = new EnumMap<>(ValueSegment.class);
    for (ValueSegment s : ValueSegment.values()) totals.put(s, new double[3]);
    for (Customer c : customers) {
      ValueSegment s = ValueSegment.of(c.clv() >= threshold && c.clv() > 0, c.risk() >= riskThreshold);
      out.add(new Assignment(c.id(), s, c.clv(), c.risk()));
      double[] t = totals.get(s);
      t[0]++;
      t[1] += c.clv();
      t[2] += c.clv() * c.risk();
    }
    List<Group> groups = new ArrayList<>();
    totals.forEach((s, t) -> groups.add(new Group(s, (int) t[0], t[1], t[2])));
    return new Segmentation(out, groups, customers.isEmpty() ? 0 : threshold, customers.isEmpty() ? riskFloor : riskThreshold);
  }

  /** Linear-interpolation quantile (type 7, as R and NumPy default); 0 for no values. */
  static double quantile(double[] values, double q) {
    if (values.length == 0) return 0;
    double[] v = values.clone();
    Arrays.sort(v);
    double h = (v.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(v.length - 1, lo + 1);
    return v[lo] + (h - lo) * (v[hi] - v[lo]);
  }
}
