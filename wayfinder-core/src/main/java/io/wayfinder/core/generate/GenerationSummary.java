package io.wayfinder.core.generate;

import java.util.List;

/**
 * What one run generated, counted as it went.
 *
 * @param customers the customers generated
 * @param events the events emitted
 * @param purchases the "Order Completed" events
 * @param revenue their total revenue
 * @param atRiskUserIds the customers with the planted at-risk behaviour, in generation order
 */
public record GenerationSummary(
    int customers, long events, long purchases, double revenue, List<String> atRiskUserIds) {
  public GenerationSummary {
    atRiskUserIds = List.copyOf(atRiskUserIds);
  }
}
