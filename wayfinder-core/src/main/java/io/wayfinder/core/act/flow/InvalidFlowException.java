package io.wayfinder.core.act.flow;

import java.util.List;
import java.util.stream.Collectors;

/** A flow definition that failed to read or validate, with every problem found. */
public final class InvalidFlowException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<FlowProblem> problems;

  public InvalidFlowException(List<FlowProblem> problems) {
    super("invalid flow: " + problems.stream().map(FlowProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<FlowProblem> problems() {
    return problems;
  }
}
