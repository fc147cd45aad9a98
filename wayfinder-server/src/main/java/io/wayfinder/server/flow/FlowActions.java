package io.wayfinder.server.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.act.flow.Action;
import io.wayfinder.core.act.flow.Channel;
import io.wayfinder.core.act.flow.FlowDefinition;
import io.wayfinder.core.act.flow.FlowTemplate;
import io.wayfinder.store.flow.FlowTx;
import io.wayfinder.store.flow.Outbox;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns an action node into an outbox item: consent first (a customer who withdrew marketing
 * consent gets nothing on any channel), then the flow's frequency caps, then its quiet hours
 * (the instance waits at the action until they end). Templates are rendered here, so the outbox
 * holds exactly what will be sent.
 */
final class FlowActions {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Returns false when the action is held for quiet hours (the instance now waits at it). */
  boolean perform(FlowTx tx, FlowDefinition def, FlowTx.Instance in, Action a, Context ctx, Instant now, boolean quietEnded)
      throws SQLException {
    Channel channel = a.channel();
    if (channel != null) {
      if (Boolean.FALSE.equals(ctx.consent.get("marketing"))) {
        tx.trace(in, a.id(), "skipped", Map.of("reason", "marketing consent withdrawn"), now);
        return true;
      }
      for (FlowDefinition.FrequencyCap cap : def.frequencyCaps()) {
        if (cap.channel() != Channel.ANY && cap.channel() != channel) continue;
        long sent = tx.actionsSince(in.profileId(), cap.channel() == Channel.ANY ? null : name(channel), now.minus(cap.per()));
        if (sent >= cap.max()) {
          tx.trace(in, a.id(), "skipped", Map.of("reason", "frequency cap", "channel", name(cap.channel()),
              "max", cap.max(), "per", cap.per().toString(), "sent", sent), now);
          return true;
        }
      }
      Instant quietUntil = quietEnded ? null : CustomerClock.of(def, ctx.traits).quietUntil(def.quietHours(), now);
      if (quietUntil != null) {
        tx.setState(in.id(), "waiting", a.id(), null, now);
        tx.addWait(in.id(), a.id(), quietUntil, null);
        tx.trace(in, a.id(), "held", Map.of("reason", "quiet hours", "until", quietUntil.toString()), now);
        return false;
      }
    }
    ObjectNode payload;
    String destination = null;
    try {
      payload = payload(a, ctx.document, now);
      if (a instanceof Action.Webhook w) destination = URI.create(w.url()).getAuthority();
    } catch (IllegalArgumentException e) { // a template named a value this customer lacks
      tx.trace(in, a.id(), "failed", Map.of("error", String.valueOf(e.getMessage())), now);
      return true;
    }
    payload.put("customerId", in.customerId());
    String key = Outbox.Item.key(def.id(), def.version(), in.id(), a.id());
    tx.enqueue(new Outbox.Item(key, in.id(), def.id(), def.version(), a.id(), in.profileId(), kind(a),
        channel == null ? null : name(channel), destination, payload, "pending", 0, now, null, now, null));
    tx.trace(in, a.id(), "queued", Map.of("idempotencyKey", key), now);
    return true;
  }

  static String name(Channel c) {
    return Context.JSON.convertValue(c, String.class);
  }

  static String kind(Action a) {
    if (a instanceof Action.Webhook) return "webhook";
    if (a instanceof Action.Email) return "email";
    if (a instanceof Action.InApp) return "inApp";
    if (a instanceof Action.SetTrait) return "setTrait";
    if (a instanceof Action.SurveyInvitation) return "survey";
    return "emitEvent";
  }

  private static ObjectNode payload(Action a, Map<String, Object> doc, Instant now) {
    ObjectNode p = F.objectNode();
    if (a instanceof Action.Webhook w) {
      p.put("url", w.url());
      p.set("body", render(w.body(), doc));
      if (w.secret() != null) p.put("secret", w.secret());
    } else if (a instanceof Action.Email e) {
      p.put("to", text(e.to() == null ? "{{traits.email}}" : e.to(), doc, false));
      p.put("subject", text(e.subject(), doc, false));
      if (e.text() != null) p.put("text", text(e.text(), doc, false));
      if (e.html() != null) p.put("html", text(e.html(), doc, true));
    } else if (a instanceof Action.InApp m) {
      if (m.title() != null) p.put("title", text(m.title(), doc, false));
      p.put("body", text(m.body(), doc, false));
      if (m.link() != null) p.put("link", text(m.link(), doc, false));
      if (m.expiresAfter() != null) p.put("expiresAt", now.plus(m.expiresAfter()).toString());
    } else if (a instanceof Action.SetTrait t) {
      p.put("trait", t.trait());
      p.set("value", render(t.value(), doc));
    } else if (a instanceof Action.SurveyInvitation s) {
      p.put("survey", s.survey());
      p.put("via", s.via() == null ? "email" : name(s.via()));
    } else if (a instanceof Action.EmitEvent e) {
      p.put("event", e.event());
      p.set("properties", e.properties() == null ? F.objectNode() : render(e.properties(), doc));
    }
    return p;
  }

  private static String text(String template, Map<String, Object> doc, boolean html) {
    return FlowTemplate.compile(template, html).render(doc);
  }

  /** A copy of {@code json} with every string rendered as a template. */
  static JsonNode render(JsonNode json, Map<String, Object> doc) {
    if (json == null) return F.nullNode();
    if (json.isTextual()) return F.textNode(text(json.textValue(), doc, false));
    if (json.isArray()) {
      ArrayNode out = F.arrayNode();
      json.forEach(x -> out.add(render(x, doc)));
      return out;
    }
    if (json.isObject()) {
      ObjectNode out = F.objectNode();
      Map<String, JsonNode> fields = new LinkedHashMap<>();
      json.properties().forEach(e -> fields.put(e.getKey(), render(e.getValue(), doc)));
      out.setAll(fields);
      return out;
    }
    return json;
  }
}
