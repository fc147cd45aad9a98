package io.wayfinder.core.act.flow;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wayfinder.core.act.condition.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** How customers enter a flow. Every trigger has one edge, {@code next}. */
public sealed interface Trigger extends FlowNode {
  String next();

  @Override
  default Map<String, String> edges() {
    return Edges.of("next", next());
  }

  /** An event arrives whose properties match {@code where} (optional). */
  record OnEvent(String id, String event, Condition where, String next) implements Trigger {
    @Override
    public void check(NodeChecks c) {
      c.event("event", event);
      c.eventCondition("where", event, where);
    }
  }

  /** A customer enters a stage of a journey, or abandons the journey (at any stage, or at {@code stage}). */
  record OnJourney(String id, String journey, String stage, JourneyChange on, String next) implements Trigger {
    @Override
    public void check(NodeChecks c) {
      c.text("journey", journey);
      c.required("on", on);
      if (on == JourneyChange.ENTERED) {
        c.text("stage", stage);
      }
    }
  }

  /** Whether a journey trigger fires on entering a stage or on abandoning the journey. */
  enum JourneyChange {
    @JsonProperty("entered") ENTERED,
    @JsonProperty("abandoned") ABANDONED
  }

  /** A prediction crosses a threshold: fires once per crossing, not while it stays beyond it. */
  record OnPrediction(String id, Prediction prediction, Crossing crosses, Double threshold, String next)
      implements Trigger {
    @Override
    public void check(NodeChecks c) {
      c.required("prediction", prediction);
      c.required("crosses", crosses);
      c.required("threshold", threshold);
      if (threshold != null && prediction != null && prediction.probability && (threshold < 0 || threshold > 1)) {
        c.problem("threshold", prediction.key + " is a probability: the threshold must be between 0 and 1");
      }
    }
  }

  /** The predictions a flow can react to, by their key in conditions ({@code predictions.churnRisk}). */
  enum Prediction {
    @JsonProperty("churnRisk") CHURN_RISK("churnRisk", true),
    @JsonProperty("pAlive") P_ALIVE("pAlive", true),
    @JsonProperty("clv") CLV("clv", false),
    @JsonProperty("expectedPurchases") EXPECTED_PURCHASES("expectedPurchases", false),
    @JsonProperty("expectedSpend") EXPECTED_SPEND("expectedSpend", false);

    final String key;
    final boolean probability;

    Prediction(String key, boolean probability) {
      this.key = key;
      this.probability = probability;
    }
  }

  /** Upwards (from at or below to above) or downwards. */
  enum Crossing {
    @JsonProperty("above") ABOVE,
    @JsonProperty("below") BELOW
  }

  /** A survey answer arrives; {@code where} tests the answer ({@code score}, {@code text}, {@code choice}). */
  record OnSurveyAnswer(String id, String survey, String question, Condition where, String next) implements Trigger {
    /** The fields of an answer a condition can test. */
    static final Set<String> ANSWER_FIELDS = Set.of("score", "text", "choice");

    @Override
    public void check(NodeChecks c) {
      c.text("survey", survey);
      c.condition("where", where, ANSWER_FIELDS);
    }
  }

  /** A customer starts matching {@code when} (a condition on the customer context, e.g. a trait change). */
  record OnSegment(String id, Condition when, String next) implements Trigger {
    @Override
    public void check(NodeChecks c) {
      c.required("when", when);
      c.contextCondition("when", when);
    }
  }

  /** Every {@code every} from {@code startAt}, the customers matching {@code audience} (all if absent) enter. */
  record OnSchedule(String id, Instant startAt, Duration every, Condition audience, String next) implements Trigger {
    @Override
    public void check(NodeChecks c) {
      c.required("startAt", startAt);
      if (every != null && every.compareTo(Duration.ofMinutes(1)) < 0) {
        c.problem("every", "must be at least one minute (PT1M)");
      }
      c.contextCondition("audience", audience);
    }
  }
}
