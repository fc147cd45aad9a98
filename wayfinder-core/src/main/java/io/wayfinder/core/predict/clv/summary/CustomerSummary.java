package io.wayfinder.core.predict.clv.summary;

import java.time.LocalDate;

/**
 * One customer's purchase history, after merging purchases on the same day into one transaction.
 * Times are in the summary's {@link TimeScale}, measured in whole days from the first purchase.
 *
 * @param customerId the customer
 * @param firstPurchase the day of the first purchase ("birth")
 * @param x repeat transactions in the calibration period (after the first-purchase day, up to and
 *     including the calibration end)
 * @param tx time of the last of those, from the first purchase; 0 when x = 0
 * @param T time from the first purchase to the calibration end
 * @param meanRepeatSpend mean value of the x repeat transactions (zbar); 0 when x = 0
 * @param firstSpend value of the first-purchase day
 * @param holdoutX transactions after the calibration end, up to and including the observation end
 *     (0 without an observation end)
 * @param holdoutSpend their total value
 */
public record CustomerSummary(
    String customerId,
    LocalDate firstPurchase,
    int x,
    double tx,
    double T,
    double meanRepeatSpend,
    double firstSpend,
    int holdoutX,
    double holdoutSpend) {}
