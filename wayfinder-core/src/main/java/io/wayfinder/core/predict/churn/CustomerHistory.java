package io.wayfinder.core.predict.churn;

import io.wayfinder.core.voc.sentiment.SentimentAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's interactions in time order, reduced to flags per event, so features can be read
 * at any cut-off without going back to the events. Comments are scored once, here, with VADER.
 */
final class CustomerHistory {
  static final int PURCHASE = 1;
  static final int COMPLAINT = 2;
  static final int UNSUBSCRIBE = 4;
  static final int CASE_OPENED = 8;
  static final int CASE_RESOLVED = 16;
  static final int NEGATIVE_COMMENT = 32;
  static final int LOW_SCORE = 64;

  /** VADER's conventional cut: a compound score at or below −0.05 is negative. */
  static final double NEGATIVE_COMPOUND = -0.05;

  final String customer;
  final long[] time;
  final int[] flags;
  final int[] channel;

  private CustomerHistory(String customer, long[] time, int[] flags, int[] channel) {
    this.customer = customer;
    this.time = time;
    this.flags = flags;
    this.channel = channel;
  }

  /** Groups interactions by customer (in order of first appearance), each in time order. */
  static List<CustomerHistory> of(Iterable<Interaction> interactions, ChurnConfig config, SentimentAnalyzer sentiment) {
    Map<String, List<Interaction>> byCustomer = new LinkedHashMap<>();
    for (Interaction i : interactions) byCustomer.computeIfAbsent(i.customer(), k -> new ArrayList<>()).add(i);
    Map<String, Integer> channels = new HashMap<>();
    List<CustomerHistory> out = new ArrayList<>(byCustomer.size());
    for (Map.Entry<String, List<Interaction>> e : byCustomer.entrySet()) {
      List<Interaction> list = e.getValue();
      list.sort(Comparator.comparingLong(Interaction::epochMillis));
      int n = list.size();
      long[] time = new long[n];
      int[] flags = new int[n];
      int[] channel = new int[n];
      for (int k = 0; k < n; k++) {
        Interaction i = list.get(k);
        time[k] = i.epochMillis();
        flags[k] = flags(i, config, sentiment);
        channel[k] = i.channel() == null ? -1 : channels.computeIfAbsent(i.channel(), c -> channels.size());
      }
      out.add(new CustomerHistory(e.getKey(), time, flags, channel));
    }
    return out;
  }

  private static int flags(Interaction i, ChurnConfig c, SentimentAnalyzer sentiment) {
    int f = 0;
    if (i.name().equals(c.purchaseEvent())) f |= PURCHASE;
    if (c.complaintEvents().contains(i.name())) f |= COMPLAINT;
    if (c.unsubscribeEvents().contains(i.name())) f |= UNSUBSCRIBE;
    if (c.caseOpenedEvents().contains(i.name())) f |= CASE_OPENED;
    if (c.caseResolvedEvents().contains(i.name())) f |= CASE_RESOLVED;
    if (i.lowScore()) f |= LOW_SCORE;
    if (i.comment() != null && !i.comment().isBlank() && sentiment.score(i.comment()).compound() <= NEGATIVE_COMPOUND) {
      f |= NEGATIVE_COMMENT;
    }
    return f;
  }

  /** Time of the first purchase, or {@code Long.MAX_VALUE} without one. */
  long firstPurchase() {
    for (int k = 0; k < time.length; k++) if ((flags[k] & PURCHASE) != 0) return time[k];
    return Long.MAX_VALUE;
  }

  /** Whether a purchase falls in {@code [from, to)}. */
  boolean purchasedBetween(long from, long to) {
    for (int k = 0; k < time.length; k++) {
      if (time[k] >= from && time[k] < to && (flags[k] & PURCHASE) != 0) return true;
    }
    return false;
  }
}
