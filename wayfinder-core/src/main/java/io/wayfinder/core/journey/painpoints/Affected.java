package io.wayfinder.core.journey.painpoints;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import java.util.BitSet;

/** The distinct customers a pain point touches, and how often it happened. */
final class Affected {
  final BitSet customers = new BitSet();
  int occurrences;

  void add(int caseId) {
    customers.set(caseId);
    occurrences++;
  }

  int count() {
    return customers.cardinality();
  }

  /** The customers' value times the severity. */
  double valueAtStake(JourneyDataset d, double severity) {
    double v = 0;
    for (int c = customers.nextSetBit(0); c >= 0; c = customers.nextSetBit(c + 1)) v += d.customerValue(c);
    return Math.round(v * severity * 100) / 100.0;
  }
}
