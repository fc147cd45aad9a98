package io.wayfinder.core.act.flow;

/**
 * One reason a flow definition is rejected.
 *
 * @param node the id of the node at fault, or null for the flow's own fields
 * @param field the field, as written in the JSON ({@code where}, {@code cases[0].when}, {@code goal.event})
 * @param message what is wrong, in words a flow author understands
 */
public record FlowProblem(String node, String field, String message) {
  @Override
  public String toString() {
    return (node == null ? "flow" : "node '" + node + "'") + (field == null ? "" : ", field '" + field + "'") + ": " + message;
  }
}
