package io.wayfinder.core.act.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.core.act.condition.Condition;
import io.wayfinder.core.act.condition.ConditionProblem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The checks a node (or the flow's own fields, with a null node id) runs on its fields; each
 * failure becomes a {@link FlowProblem} naming the node and the field.
 */
public final class NodeChecks {
  private final String node;
  private final FlowCatalogue catalogue;
  private final CustomerContext context;
  private final List<FlowProblem> problems;

  NodeChecks(String node, FlowCatalogue catalogue, CustomerContext context, List<FlowProblem> problems) {
    this.node = node;
    this.catalogue = catalogue;
    this.context = context;
    this.problems = problems;
  }

  void problem(String field, String message) {
    problems.add(new FlowProblem(node, field, message));
  }

  void required(String field, Object value) {
    if (value == null) {
      problem(field, "is required");
    }
  }

  void text(String field, String value) {
    if (value == null || value.isBlank()) {
      problem(field, "is required (a non-empty string)");
    }
  }

  void positive(String field, Duration d) {
    if (d == null) {
      problem(field, "is required (an ISO-8601 duration such as PT30M or P3D)");
    } else if (d.isNegative() || d.isZero()) {
      problem(field, "must be longer than zero");
    }
  }

  void url(String field, String value) {
    text(field, value);
    if (value == null || value.isBlank()) {
      return;
    }
    try {
      URI u = new URI(value);
      if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
        problem(field, "must be an absolute http or https URL");
      }
    } catch (java.net.URISyntaxException e) {
      problem(field, "is not a URL: " + e.getReason());
    }
  }

  /** An event name, which must be in the catalogue when the catalogue lists events. */
  void event(String field, String name) {
    text(field, name);
    if (name != null && !name.isBlank() && catalogue.events() != null && !catalogue.events().contains(name)) {
      problem(field, "unknown event name \"" + name + "\"");
    }
  }

  /** A trait name, which must be in the catalogue when the catalogue lists traits. */
  void trait(String field, String name) {
    text(field, name);
    if (name != null && !name.isBlank() && catalogue.traits() != null && !catalogue.traits().contains(name)) {
      problem(field, "unknown trait name \"" + name + "\"");
    }
  }

  /** A condition on the properties of {@code event} (optional). */
  void eventCondition(String field, String event, Condition where) {
    condition(field, where, catalogue.propertiesOf(event));
  }

  /** A condition on the customer context (traits, event, predictions, consent, kpi; optional). */
  void contextCondition(String field, Condition c) {
    condition(field, c, context.knownPaths());
  }

  /** A condition (optional) checked strictly; {@code known} null checks no names. */
  void condition(String field, Condition c, Set<String> known) {
    if (c == null) {
      return;
    }
    for (ConditionProblem p : Condition.check(c.source(), known)) {
      problem(field, (p.pointer().isEmpty() ? "" : "at " + p.pointer() + ": ") + p.message());
    }
  }

  /** A template (optional) that must compile and, given a catalogue, render over a sample customer. */
  void template(String field, String text, boolean html) {
    if (text == null) {
      return;
    }
    try {
      FlowTemplate t = FlowTemplate.compile(text, html);
      if (context.checksNames()) {
        t.render(context.sample());
      }
    } catch (IllegalArgumentException e) {
      problem(field, "template fails to render: " + e.getMessage());
    }
  }

  /** Every string inside a JSON value is a template ({@code body.items[0].name}). */
  void templates(String field, JsonNode value) {
    if (value == null) {
      return;
    }
    if (value.isTextual()) {
      template(field, value.textValue(), false);
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        templates(field + "[" + i + "]", value.get(i));
      }
    } else if (value.isObject()) {
      value.properties().forEach(e -> templates(field + "." + e.getKey(), e.getValue()));
    }
  }
}
