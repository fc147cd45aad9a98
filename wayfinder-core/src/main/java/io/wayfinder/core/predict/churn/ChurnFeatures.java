package io.wayfinder.core.predict.churn;

import java.util.List;

/**
 * The behaviour features of the churn model, read from a customer's history as it stood at a
 * cut-off (only events before it). Counts and durations enter as {@code log(1 + v)}: their
 * effect on the odds of leaving flattens out (the tenth complaint says less than the first),
 * and the log keeps a few extreme customers from dominating the fit.
 */
public final class ChurnFeatures {
  private ChurnFeatures() {}

  private static final long DAY = 86_400_000L;

  /** Feature names, in the order of {@link #at}'s vector. */
  public static final List<String> NAMES = List.of(
      "days_since_purchase",      // log days since the last purchase (recency)
      "purchases",                // log purchases so far (frequency)
      "tenure_days",              // log days since the first purchase
      "recency_vs_gap",           // log(1 + days since purchase / mean days between purchases)
      "purchases_recent",         // log purchases in the recent window
      "complaints_recent",        // complaints in the recent window
      "negative_comments_recent", // comments with VADER compound <= -0.05 in the recent window
      "low_scores_recent",        // survey answers at the bottom of their scale in the recent window
      "unresolved_cases",         // cases opened (or complaints) minus cases resolved, ever, >= 0
      "channel_switches_recent",  // log changes of channel between consecutive events, recent window
      "unsubscribed",             // 1 if the customer ever unsubscribed
      "days_since_contact",       // log days since the last event of any kind
      "contacts_recent");         // log events in the recent window

  /**
   * The features at {@code cutoff} (epoch millis; events at or after it are unseen), or null when
   * the customer had made no purchase before it (churn is defined for customers only).
   */
  static double[] at(CustomerHistory h, long cutoff, ChurnConfig config) {
    long recentFrom = cutoff - config.recentDays() * DAY;
    long firstPurchase = Long.MAX_VALUE;
    long lastPurchase = 0;
    long lastEvent = 0;
    int purchases = 0;
    int purchasesRecent = 0;
    int complaints = 0;
    int negative = 0;
    int lowScores = 0;
    int opened = 0;
    int resolved = 0;
    int switches = 0;
    int unsubscribed = 0;
    int contactsRecent = 0;
    int previousChannel = -1;
    for (int k = 0; k < h.time.length && h.time[k] < cutoff; k++) {
      long t = h.time[k];
      int f = h.flags[k];
      boolean recent = t >= recentFrom;
      lastEvent = t;
      if ((f & CustomerHistory.PURCHASE) != 0) {
        purchases++;
        firstPurchase = Math.min(firstPurchase, t);
        lastPurchase = t;
        if (recent) purchasesRecent++;
      }
      if ((f & CustomerHistory.CASE_OPENED) != 0) opened++;
      if ((f & CustomerHistory.CASE_RESOLVED) != 0) resolved++;
      if ((f & CustomerHistory.UNSUBSCRIBE) != 0) unsubscribed = 1;
      if (recent) {
        contactsRecent++;
        if ((f & CustomerHistory.COMPLAINT) != 0) complaints++;
        if ((f & CustomerHistory.NEGATIVE_COMMENT) != 0) negative++;
        if ((f & CustomerHistory.LOW_SCORE) != 0) lowScores++;
        int ch = h.channel[k];
        if (ch >= 0) {
          if (previousChannel >= 0 && ch != previousChannel) switches++;
          previousChannel = ch;
        }
      }
    }
    if (purchases == 0) return null;
    double sincePurchase = (double) (cutoff - lastPurchase) / DAY;
    double tenure = (double) (cutoff - firstPurchase) / DAY;
    double meanGap = tenure / purchases;
    return new double[] {
        Math.log1p(sincePurchase),
        Math.log1p(purchases),
        Math.log1p(tenure),
        Math.log1p(meanGap > 0 ? sincePurchase / meanGap : 0),
        Math.log1p(purchasesRecent),
        complaints,
        negative,
        lowScores,
        Math.max(0, opened - resolved),
        Math.log1p(switches),
        unsubscribed,
        Math.log1p((double) (cutoff - lastEvent) / DAY),
        Math.log1p(contactsRecent)};
  }
}
