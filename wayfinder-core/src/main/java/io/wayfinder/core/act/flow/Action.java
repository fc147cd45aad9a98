package io.wayfinder.core.act.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;

/**
 * Does something for the customer, then goes on to {@code next}. Text fields marked "template"
 * are Mustache templates over the customer context; a template that names a missing value fails.
 */
public sealed interface Action extends FlowNode {
  String next();

  /** The frequency-cap channel this action counts against, or null when it is not capped. */
  Channel channel();

  @Override
  default Map<String, String> edges() {
    return Edges.of("next", next());
  }

  /** POSTs a JSON body (its strings are templates), signed with HMAC-SHA256 under the named secret. */
  record Webhook(String id, String url, JsonNode body, String secret, String next) implements Action {
    @Override
    public Channel channel() {
      return Channel.WEBHOOK;
    }

    @Override
    public void check(NodeChecks c) {
      c.url("url", url);
      c.templates("body", body);
    }
  }

  /** An e-mail: {@code to} (default the {@code email} trait), {@code subject}, {@code text}, {@code html} are templates. */
  record Email(String id, String to, String subject, String text, String html, String next) implements Action {
    @Override
    public Channel channel() {
      return Channel.EMAIL;
    }

    @Override
    public void check(NodeChecks c) {
      c.template("to", to == null ? "{{traits.email}}" : to, false);
      c.text("subject", subject);
      c.template("subject", subject, false);
      if (text == null && html == null) {
        c.problem("text", "an e-mail needs a text or an html body");
      }
      c.template("text", text, false);
      c.template("html", html, true);
    }
  }

  /** A message the website widget or an app fetches; it expires after {@code expiresAfter} if set. */
  record InApp(String id, String title, String body, String link, Duration expiresAfter, String next)
      implements Action {
    @Override
    public Channel channel() {
      return Channel.IN_APP;
    }

    @Override
    public void check(NodeChecks c) {
      c.text("body", body);
      c.template("title", title, false);
      c.template("body", body, false);
      c.template("link", link, false);
      if (expiresAfter != null) {
        c.positive("expiresAfter", expiresAfter);
      }
    }
  }

  /** Sets a profile trait; a string value is a template. */
  record SetTrait(String id, String trait, JsonNode value, String next) implements Action {
    @Override
    public Channel channel() {
      return null;
    }

    @Override
    public void check(NodeChecks c) {
      c.text("trait", trait);
      c.required("value", value);
      c.templates("value", value);
    }
  }

  /** Invites the customer to a survey over e-mail or in-app. */
  record SurveyInvitation(String id, String survey, Channel via, String next) implements Action {
    @Override
    public Channel channel() {
      return Channel.SURVEY;
    }

    @Override
    public void check(NodeChecks c) {
      c.text("survey", survey);
      if (via != null && via != Channel.EMAIL && via != Channel.IN_APP) {
        c.problem("via", "a survey invitation goes by email or inApp");
      }
    }
  }

  /** Records an event for the customer (it can trigger other flows); string properties are templates. */
  record EmitEvent(String id, String event, JsonNode properties, String next) implements Action {
    @Override
    public Channel channel() {
      return null;
    }

    @Override
    public void check(NodeChecks c) {
      c.text("event", event);
      c.templates("properties", properties);
    }
  }
}
