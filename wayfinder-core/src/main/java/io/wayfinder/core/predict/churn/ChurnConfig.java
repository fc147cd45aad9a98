package io.wayfinder.core.predict.churn;

import java.util.Set;

/**
 * What the churn model calls a purchase, a complaint and so on, and its time windows.
 *
 * @param purchaseEvent the purchase event ("Order Completed")
 * @param complaintEvents complaints
 * @param unsubscribeEvents opt-outs
 * @param caseOpenedEvents events that open a case (complaints open one too)
 * @param caseResolvedEvents events that close one
 * @param windowDays the label window: a customer churned at a cut-off when she makes no purchase
 *     in the {@code windowDays} after it
 * @param recentDays the "recent" window of the behaviour features (complaints, comments, scores,
 *     channel switches in the last {@code recentDays})
 * @param trainingSnapshots cut-offs stacked into the training set, each {@code windowDays} apart
 * @param seed seed of the stochastic gradient descent
 */
public record ChurnConfig(String purchaseEvent, Set<String> complaintEvents, Set<String> unsubscribeEvents,
    Set<String> caseOpenedEvents, Set<String> caseResolvedEvents, int windowDays, int recentDays,
    int trainingSnapshots, long seed) {

  public static final ChurnConfig DEFAULT = new ChurnConfig("Order Completed", Set.of("Complaint Filed"),
      Set.of("Email Unsubscribed"), Set.of("Case Opened", "Complaint Filed"), Set.of("Case Resolved"), 90, 90, 2, 42L);

  public ChurnConfig {
    if (purchaseEvent == null || purchaseEvent.isBlank()) throw new IllegalArgumentException("purchase event is blank");
    complaintEvents = Set.copyOf(complaintEvents);
    unsubscribeEvents = Set.copyOf(unsubscribeEvents);
    caseOpenedEvents = Set.copyOf(caseOpenedEvents);
    caseResolvedEvents = Set.copyOf(caseResolvedEvents);
    if (windowDays < 1) throw new IllegalArgumentException("window must be >= 1 day, got " + windowDays);
    if (recentDays < 1) throw new IllegalArgumentException("recent window must be >= 1 day, got " + recentDays);
    if (trainingSnapshots < 1) throw new IllegalArgumentException("training snapshots must be >= 1, got " + trainingSnapshots);
  }

  public ChurnConfig withPurchaseEvent(String name) {
    return new ChurnConfig(name, complaintEvents, unsubscribeEvents, caseOpenedEvents, caseResolvedEvents, windowDays,
        recentDays, trainingSnapshots, seed);
  }

  public ChurnConfig withWindowDays(int days) {
    return new ChurnConfig(purchaseEvent, complaintEvents, unsubscribeEvents, caseOpenedEvents, caseResolvedEvents, days,
        recentDays, trainingSnapshots, seed);
  }
}
