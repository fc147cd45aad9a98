package io.wayfinder.core.voc.drivers;

/**
 * How much one driver matters for the outcome, and how well it performs.
 *
 * @param rawWeight Johnson's relative weight: the driver's share of R² (weights sum to R²)
 * @param rescaledPercent the relative weight as a percentage of R² (sums to 100)
 * @param sign direction of the driver's correlation with the outcome, +1 or −1
 * @param shapley the driver's Shapley (LMG) share of R² (sums to R²)
 * @param performance the driver's mean over the rows analysed
 * @param performanceIndex that mean as a position 0 … 100 between the driver's observed minimum and
 *     maximum, so drivers on different scales can share a chart axis
 */
public record DriverImportance(
    String name,
    double rawWeight,
    double rescaledPercent,
    int sign,
    double shapley,
    double performance,
    double performanceIndex,
    Quadrant quadrant) {}
