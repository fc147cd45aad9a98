package io.wayfinder.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wayfinder churn}: churn risk from journey behaviour, on the event store. */
@Command(
    name = "churn",
    description = "Churn risk from journey behaviour: train and validate a model on the event store, score every profile.",
    mixinStandardHelpOptions = true,
    subcommands = {ChurnCommand.Train.class, ChurnCommand.Score.class})
public final class ChurnCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options both subcommands share. */
  static final class Output {
    @Option(names = "--as-of", paramLabel = "DATE|INSTANT", description = "Scoring time (default: just after the latest event).")
    String asOf;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    void print(ObjectNode body, java.util.function.Function<ObjectNode, com.fasterxml.jackson.databind.JsonNode> call,
        CommandLine.Model.CommandSpec spec) {
      if (asOf != null) body.put("asOf", asOf);
      StoreInput.print(call.apply(body), json, spec.commandLine().getOut());
    }
  }

  /** {@code churn train}. */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = {"Train the churn model (logistic regression) on snapshots of customer behaviour, validate it on the "
          + "last window (AUC, calibration), store it and write every profile's risk and value segment."})
  static final class Train implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin TargetOptions target;

    @Option(names = "--event", paramLabel = "NAME", defaultValue = "Order Completed",
        description = "The purchase event (default: ${DEFAULT-VALUE}).")
    String event;

    @Option(names = "--window-days", paramLabel = "N", defaultValue = "90",
        description = "Churned = no purchase in the N days after a cut-off (default: ${DEFAULT-VALUE}).")
    int windowDays;

    @Mixin Output output;

    @Override
    public void run() {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("event", event);
      body.put("windowDays", windowDays);
      try (Backend b = target.open()) {
        output.print(body, b::churnTrain, spec);
      }
    }
  }

  /** {@code churn score}. */
  @Command(name = "score", mixinStandardHelpOptions = true,
      description = "Score every profile with the latest churn model on the events up to now; update the value segments.")
  static final class Score implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin TargetOptions target;

    @Mixin Output output;

    @Override
    public void run() {
      try (Backend b = target.open()) {
        output.print(Json.MAPPER.createObjectNode(), b::churnScore, spec);
      }
    }
  }
}
