package io.wayfinder.core.act.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structural checks of a flow graph: unique ids, at least one trigger, every edge present and
 * leading to a node that is not a trigger, every node reachable from a trigger, and no cycle that
 * passes no wait (a customer would run round it without pause).
 */
final class FlowGraph {
  private final Map<String, FlowNode> byId = new LinkedHashMap<>();
  private final List<FlowProblem> problems;

  private FlowGraph(List<FlowProblem> problems) {
    this.problems = problems;
  }

  static void check(List<FlowNode> nodes, List<FlowProblem> problems) {
    FlowGraph g = new FlowGraph(problems);
    g.index(nodes);
    g.edges();
    g.reachability();
    g.cyclesWithoutWait();
  }

  private void index(List<FlowNode> nodes) {
    for (FlowNode n : nodes) {
      if (n.id() == null || n.id().isBlank()) {
        continue; // reported by the validator with the node's position
      }
      if (byId.putIfAbsent(n.id(), n) != null) {
        problems.add(new FlowProblem(n.id(), "id", "duplicate node id"));
      }
    }
    if (byId.values().stream().noneMatch(n -> n instanceof Trigger)) {
      problems.add(new FlowProblem(null, "nodes", "a flow needs at least one trigger node"));
    }
  }

  private void edges() {
    for (FlowNode n : byId.values()) {
      for (Map.Entry<String, String> e : n.edges().entrySet()) {
        String target = e.getValue();
        if (target == null || target.isBlank()) {
          problems.add(new FlowProblem(n.id(), e.getKey(), "missing edge: name the node that comes next"));
        } else if (!byId.containsKey(target)) {
          problems.add(new FlowProblem(n.id(), e.getKey(), "dangling edge to unknown node '" + target + "'"));
        } else if (byId.get(target) instanceof Trigger) {
          problems.add(new FlowProblem(n.id(), e.getKey(), "edge leads into trigger '" + target + "'; triggers only start a flow"));
        }
      }
    }
  }

  private List<String> targets(FlowNode n) {
    List<String> out = new ArrayList<>();
    for (String t : n.edges().values()) {
      if (t != null && byId.containsKey(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private void reachability() {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    byId.values().stream().filter(n -> n instanceof Trigger).forEach(n -> todo.add(n.id()));
    while (!todo.isEmpty()) {
      String id = todo.poll();
      if (seen.add(id)) {
        todo.addAll(targets(byId.get(id)));
      }
    }
    for (String id : byId.keySet()) {
      if (!seen.contains(id)) {
        problems.add(new FlowProblem(id, "id", "not reachable from any trigger"));
      }
    }
  }

  /** Depth-first search over the edges that leave non-wait nodes: a back edge closes a wait-free cycle. */
  private void cyclesWithoutWait() {
    Map<String, Integer> state = new HashMap<>(); // absent: new, 1: on the stack, 2: done
    for (String start : byId.keySet()) {
      if (!state.containsKey(start)) {
        visit(start, state, new ArrayList<>());
      }
    }
  }

  private void visit(String id, Map<String, Integer> state, List<String> path) {
    state.put(id, 1);
    path.add(id);
    FlowNode n = byId.get(id);
    if (!(n instanceof Wait)) {
      for (Map.Entry<String, String> e : n.edges().entrySet()) {
        String t = e.getValue();
        if (t == null || !byId.containsKey(t)) {
          continue;
        }
        Integer s = state.get(t);
        if (s == null) {
          visit(t, state, path);
        } else if (s == 1) {
          List<String> cycle = new ArrayList<>(path.subList(path.indexOf(t), path.size()));
          cycle.add(t);
          problems.add(new FlowProblem(id, e.getKey(), "cycle " + String.join(" → ", cycle)
              + " passes no wait node; add a wait so a customer does not loop without pause"));
        }
      }
    }
    path.remove(path.size() - 1);
    state.put(id, 2);
  }
}
