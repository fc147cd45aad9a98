package io.wayfinder.core.predict.churn;

import java.time.Instant;
import java.util.List;

/**
 * What {@link ChurnTrainer#train} produced.
 *
 * @param model the model refitted on every labelled cut-off, the one that scores
 * @param holdout the time-based validation: a model fitted on the training cut-offs only, scored on
 *     the customers at the validation cut-off and compared with whether they purchased in the
 *     window after it (data the model never saw)
 * @param validationCutoff the validation cut-off ({@code asOf − window})
 * @param trainingCutoffs the training cut-offs, newest first
 * @param trainingRows customer snapshots in the holdout model's training set
 * @param asOf the scoring time: events before it are the data
 * @param dataStart the earliest event read
 * @param scores every customer with a purchase before {@code asOf}, riskiest first
 * @param nanos wall-clock time of training and scoring
 */
public record ChurnTraining(ChurnModel model, ClassifierMetrics holdout, Instant validationCutoff,
    List<Instant> trainingCutoffs, int trainingRows, Instant asOf, Instant dataStart, List<ChurnScore> scores, long nanos) {
  public ChurnTraining {
    trainingCutoffs = List.copyOf(trainingCutoffs);
    scores = List.copyOf(scores);
  }
}
