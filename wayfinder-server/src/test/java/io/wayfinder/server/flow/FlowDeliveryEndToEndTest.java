package io.wayfinder.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event posted to /v1/track makes its webhook arrive, signed, at a real receiver and its
 * e-mail at a real SMTP server (GreenMail); a customer who does not match, or who withdrew
 * consent, gets nothing.
 */
class FlowDeliveryEndToEndTest {
  static GreenMail smtp;

  @BeforeAll
  static void smtp() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    System.setProperty("wayfinder.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
  }

  @AfterAll
  static void stop() {
    System.clearProperty("wayfinder.smtp.port");
    smtp.stop();
  }

  @Test
  void aTrackedEventSendsASignedWebhookAndAnEmailOnlyToMatchingConsentingCustomers(@TempDir Path dir) throws Exception {
    try (Receiver rx = new Receiver(); FlowFixture f = new FlowFixture(dir)) {
      f.s.api("PUT", "/api/flows/secrets/crm", "a-long-enough-secret-value");
      f.publish("""
          {"id": "order-care", "version": 1, "nodes": [
            {"id": "t-order", "type": "trigger.event", "event": "Order Completed", "where": {"total": {"$gte": 50}}, "next": "a-hook"},
            {"id": "a-hook", "type": "action.webhook", "url": "%s", "secret": "crm",
             "body": {"customer": "{{customer.id}}", "total": "{{event.total}}"}, "next": "a-mail"},
            {"id": "a-mail", "type": "action.email", "subject": "Thanks, {{traits.firstName}}", "text": "Order of {{event.total}} received", "next": "x"},
            {"id": "x", "type": "exit"}]}""".formatted(rx.url()));
      f.identify("ada", "{\"email\": \"ada@example.com\", \"firstName\": \"Ada\"}");
      f.identify("bob", "{\"email\": \"bob@example.com\", \"firstName\": \"Bob\", \"consent\": {\"marketing\": false}}");
      f.identify("cy", "{\"email\": \"cy@example.com\", \"firstName\": \"Cy\"}");
      f.track("ada", "Order Completed", "{\"total\": 80}");
      f.track("bob", "Order Completed", "{\"total\": 90}");
      f.track("cy", "Order Completed", "{\"total\": 10}");

      Eventually.until("ada's webhook", 15_000, () -> rx.hits.size() >= 1);
      Eventually.until("ada's e-mail", 15_000, () -> smtp.getReceivedMessages().length >= 1);
      Receiver.Hit hit = rx.hits.get(0);
      assertThat(hit.signature()).isEqualTo("sha256=" + WebhookSender.sign("a-long-enough-secret-value", hit.body()));
      JsonNode body = FlowFixture.JSON.readTree(hit.body());
      assertThat(body.get("customer").asText()).isEqualTo("ada");
      assertThat(body.get("total").asText()).isEqualTo("80");
      long instance = f.sql("SELECT id FROM flow_instances WHERE customer_id = 'ada'");
      assertThat(hit.idempotencyKey()).isEqualTo("order-care:1:" + instance + ":a-hook");
      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
      assertThat(mail.getSubject()).isEqualTo("Thanks, Ada");

      // bob withdrew consent, cy's order is too small: give the engine time to (wrongly) act
      Eventually.until("every instance to end", 10_000, () -> count(f, "SELECT count(*) FROM flow_instances WHERE ended_at IS NULL") == 0);
      Thread.sleep(500);
      assertThat(rx.hits).hasSize(1);
      assertThat(smtp.getReceivedMessages()).hasSize(1);
      assertThat(f.sql("SELECT count(*) FROM flow_instances WHERE customer_id = 'cy'")).isZero();
      JsonNode bobTrace = f.get("/api/profiles/bob/flows").get("instances").get(0).get("steps");
      assertThat(bobTrace.findValuesAsText("reason")).contains("marketing consent withdrawn");

      JsonNode nodes = f.get("/api/flows/order-care").get("nodes");
      assertThat(nodes.get("t-order").get("entered").asLong()).isEqualTo(2)
          .isEqualTo(f.sql("SELECT count(*) FROM events WHERE name = 'Order Completed' AND (properties->>'total')::INT >= 50"));
      assertThat(nodes.get("a-hook").get("passed").asLong()).isEqualTo(2);
      assertThat(f.sql("SELECT count(*) FROM flow_outbox WHERE status = 'delivered'")).isEqualTo(2); // ada's webhook and e-mail
    }
  }

  static long count(FlowFixture f, String sql) {
    try {
      return f.sql(sql);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
