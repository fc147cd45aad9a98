package io.wayfinder.server.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.core.IntervalFunction;
import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.event.EventType;
import io.wayfinder.core.identity.IdentityClaims;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.flow.FlowQueries;
import io.wayfinder.store.flow.Outbox;
import io.wayfinder.store.voc.Invitation;
import io.wayfinder.store.voc.InvitationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. An item is marked delivered only after the receiver accepted it, so a crash
 * between sending and marking sends it again on restart with the same {@code Idempotency-Key}:
 * delivery is at least once, and a receiver that remembers keys sees each action once. A failed
 * attempt is retried after an exponential backoff with jitter (resilience4j's
 * {@link IntervalFunction}), stored in the outbox so retries survive restarts; after the last
 * attempt the item is a dead letter until replayed.
 */
public final class FlowDelivery implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FlowDelivery.class);
  static final String EVENT_SOURCE = "flows";

  private final Outbox outbox;
  private final FlowQueries queries;
  private final EventWriter writer;
  private final InvitationStore invitations;
  private final FlowSettings settings;
  private final Clock clock;
  private final WebhookSender webhooks;
  private final MailSender mail;
  private final IntervalFunction backoff;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final ExecutorService workers;
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "wayfinder-flow-outbox");
    t.setDaemon(true);
    return t;
  });

  public FlowDelivery(Outbox outbox, FlowQueries queries, EventWriter writer, InvitationStore invitations, FlowSettings settings,
      Clock clock) {
    this.outbox = outbox;
    this.queries = queries;
    this.writer = writer;
    this.invitations = invitations;
    this.settings = settings;
    this.clock = clock;
    this.webhooks = new WebhookSender(queries, settings.webhookTimeout());
    this.mail = new MailSender(settings);
    this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.firstBackoff(), settings.multiplier(), 0.5);
    this.workers = Executors.newFixedThreadPool(settings.deliveryThreads(), r -> {
      Thread t = new Thread(r, "wayfinder-flow-delivery");
      t.setDaemon(true);
      return t;
    });
  }

  public FlowDelivery start() {
    poller.scheduleWithFixedDelay(this::poll, 0, 50, TimeUnit.MILLISECONDS);
    return this;
  }

  private void poll() {
    try {
      for (Outbox.Item it : outbox.due(clock.instant(), 1_000)) {
        if (inFlight.add(it.idempotencyKey())) {
          workers.submit(() -> {
            try {
              deliver(it);
            } finally {
              inFlight.remove(it.idempotencyKey());
            }
          });
        }
      }
    } catch (RuntimeException e) {
      log.warn("outbox poll failed (retried shortly): {}", e.getMessage());
    }
  }

  private void deliver(Outbox.Item polled) {
    Instant now = clock.instant();
    // The poll may have read this item before the previous attempt recorded its outcome: act only
    // on the stored state (this thread holds the key, so nothing changes it meanwhile).
    Outbox.Item it = outbox.find(polled.idempotencyKey()).orElse(null);
    if (it == null || !it.status().equals("pending") || it.nextAttemptAt().isAfter(now)) return;
    try {
      if (it.channel() != null && outbox.consentWithdrawn(it.profileId())) {
        outbox.skipped(it, "marketing consent withdrawn before delivery", now);
        return;
      }
      Map<String, ?> detail = attempt(it);
      outbox.delivered(it, clock.instant(), detail);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      try {
        if (it.attempts() + 1 >= settings.maxAttempts()) {
          outbox.dead(it, error, clock.instant());
        } else {
          long waitMs = backoff.apply(it.attempts() + 1);
          outbox.retry(it, clock.instant().plus(Duration.ofMillis(waitMs)), error, clock.instant());
        }
      } catch (RuntimeException store) {
        log.warn("cannot record a failed delivery of {}: {}", it.idempotencyKey(), store.getMessage());
      }
    }
  }

  private Map<String, ?> attempt(Outbox.Item it) throws Exception {
    JsonNode p = it.payload();
    String customer = p.path("customerId").asText();
    switch (it.kind()) {
      case "webhook" -> {
        return Map.of("status", webhooks.send(it), "attempt", it.attempts() + 1);
      }
      case "email" -> {
        mail.send(it.idempotencyKey(), p);
        return Map.of("to", p.get("to").asText(), "attempt", it.attempts() + 1);
      }
      case "inApp" -> {
        queries.addMessage(it.idempotencyKey(), it.profileId(), customer, text(p, "title"), p.get("body").asText(), text(p, "link"),
            it.createdAt(), p.hasNonNull("expiresAt") ? Instant.parse(p.get("expiresAt").asText()) : null);
        return Map.of("message", it.idempotencyKey());
      }
      case "setTrait" -> {
        Map<String, Object> traits = Map.of(p.get("trait").asText(), Context.JSON.convertValue(p.get("value"), Object.class));
        write(it, EventType.IDENTIFY, null, Map.of(), traits, customer);
        return Map.of("trait", p.get("trait").asText());
      }
      case "emitEvent" -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> props = Context.JSON.convertValue(p.get("properties"), Map.class);
        write(it, EventType.TRACK, p.get("event").asText(), props, Map.of(), customer);
        return Map.of("event", p.get("event").asText());
      }
      case "survey" -> {
        boolean user = queries.isUserId(it.profileId(), customer);
        Invitation inv = invitations.create(new Invitation(Invitation.newToken(), p.get("survey").asText(), "flow:" + it.flowId(),
            it.profileId(), user ? customer : null, user ? null : customer, null, null, null, p.get("via").asText(), null,
            it.createdAt(), clock.instant(), null));
        return Map.of("invitation", inv.token());
      }
      default -> throw new IllegalStateException("unknown action kind " + it.kind());
    }
  }

  private void write(Outbox.Item it, EventType type, String name, Map<String, Object> props, Map<String, Object> traits,
      String customer) {
    boolean user = queries.isUserId(it.profileId(), customer);
    Instant now = clock.instant();
    // the idempotency key is the message id, so a repeated delivery is dropped as a duplicate by the writer
    Event e = new Event(0, it.idempotencyKey(), type, name, 0, user ? null : customer, user ? customer : null, null, null, now, now,
        props, Map.of(), EVENT_SOURCE);
    writer.write(List.of(new CollectedMessage(e, new IdentityClaims(user ? customer : null, user ? null : customer, null, List.of()),
        traits, Map.of())));
  }

  private static String text(JsonNode p, String field) {
    return p.hasNonNull(field) ? p.get(field).asText() : null;
  }

  @Override
  public void close() {
    poller.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
