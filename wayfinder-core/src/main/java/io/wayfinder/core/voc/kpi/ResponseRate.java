package io.wayfinder.core.voc.kpi;

/** Responses received out of invitations sent, with a Wilson interval; rates in percent. */
public record ResponseRate(long invited, long responded) {

  public ResponseRate {
    if (invited < 0 || responded < 0 || responded > invited) {
      throw new IllegalArgumentException("need 0 ≤ responded ≤ invited, got " + responded + " of " + invited);
    }
  }

  public double value() {
    return 100.0 * responded / invited;
  }

  public Interval wilson(double confidence) {
    return Interval.wilsonPercent(responded, invited, confidence);
  }
}
