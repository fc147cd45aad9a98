package io.wayfinder.server.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.core.act.condition.Condition;
import io.wayfinder.core.act.flow.CustomerContext;
import io.wayfinder.core.act.flow.FlowDefinition;
import io.wayfinder.store.flow.FlowTx;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The customer context of one instance at one step (docs/flows.md, "The customer context"), read once per step. */
final class Context {
  static final ObjectMapper JSON = new ObjectMapper();

  final Map<String, Object> traits;
  final Map<String, Boolean> consent;
  final Map<String, Object> document;

  @SuppressWarnings("unchecked")
  Context(FlowTx tx, FlowDefinition def, FlowTx.Instance in, JsonNode event) throws SQLException {
    this.traits = tx.traits(in.profileId());
    this.consent = tx.consent(in.profileId());
    Map<String, Object> ev = event == null || !event.isObject() ? Map.of() : JSON.convertValue(event, Map.class);
    this.document = CustomerContext.document(in.customerId(), traits, ev, tx.predictions(in.profileId()), consent, Map.of(),
        def.id(), def.version());
  }

  /** The values a condition looked at, by attribute path: the "why" of a branch in the trace. */
  Map<String, Object> valuesOf(Condition c) {
    Map<String, Object> out = new LinkedHashMap<>();
    collect(c.source(), out);
    return out;
  }

  private void collect(JsonNode cond, Map<String, Object> out) {
    if (cond == null || !cond.isObject()) return;
    for (Map.Entry<String, JsonNode> e : cond.properties()) {
      if (e.getKey().startsWith("$")) {
        JsonNode v = e.getValue();
        if (v.isArray()) v.forEach(x -> collect(x, out));
        else collect(v, out);
      } else {
        out.put(e.getKey(), lookup(e.getKey()));
      }
    }
  }

  private Object lookup(String path) {
    Object at = document;
    for (String part : path.split("\\.")) {
      if (!(at instanceof Map<?, ?> m)) return null;
      at = m.get(part);
    }
    return at;
  }
}
