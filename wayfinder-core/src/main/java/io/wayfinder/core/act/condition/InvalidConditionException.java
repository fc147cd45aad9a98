package io.wayfinder.core.act.condition;

import java.util.List;
import java.util.stream.Collectors;

/** A condition rejected by strict parsing, with every problem found (not just the first). */
public final class InvalidConditionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<ConditionProblem> problems;

  public InvalidConditionException(List<ConditionProblem> problems) {
    super("invalid condition: " + problems.stream().map(ConditionProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<ConditionProblem> problems() {
    return problems;
  }
}
