package io.wayfinder.core.predict.churn;

/**
 * A customer's churn risk at a point in time.
 *
 * @param customer the customer
 * @param risk probability of no purchase in the label window after the scoring time
 */
public record ChurnScore(String customer, double risk) {}
