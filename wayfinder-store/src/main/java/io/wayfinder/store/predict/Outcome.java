package io.wayfinder.store.predict;

import java.util.List;

/**
 * What a fit, training or scoring did.
 *
 * @param run the model run that was fitted or used
 * @param scored profiles whose predictions were written
 * @param segments the value segments after the write
 */
public record Outcome(PredictionStore.Run run, int scored, List<ProfilePredictions.SegmentTotal> segments) {}
