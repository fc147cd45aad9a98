package io.wayfinder.server.voc;

import io.wayfinder.core.voc.survey.SurveyDefinition;
import io.wayfinder.core.voc.survey.SurveyLevel;
import io.wayfinder.core.voc.survey.SurveyTrigger;
import io.wayfinder.store.privacy.ConsentCheck;
import io.wayfinder.store.voc.Invitation;
import io.wayfinder.store.voc.InvitationStore;
import io.wayfinder.store.voc.SurveyStore;
import io.wayfinder.store.voc.VocEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates survey invitations from collected events. Follows the event log from a stored cursor a
 * few times a second (rather than hooking the writer), so imports, restarts and every collection
 * path are covered alike; each pass's invitations and the moved cursor commit together.
 */
public final class SurveyTriggers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SurveyTriggers.class);
  private static final int BATCH = 5_000;

  private final SurveyStore surveys;
  private final InvitationStore invitations;
  private final VocEvents events;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "wayfinder-survey-triggers");
    t.setDaemon(true);
    return t;
  });

  private final ConsentCheck consent;

  public SurveyTriggers(SurveyStore surveys, InvitationStore invitations, VocEvents events) {
    this(surveys, invitations, events, null);
  }

  /** As above; an invitation is created only for customers who did not withdraw survey or marketing consent. */
  public SurveyTriggers(SurveyStore surveys, InvitationStore invitations, VocEvents events, ConsentCheck consent) {
    this.surveys = surveys;
    this.invitations = invitations;
    this.events = events;
    this.consent = consent;
  }

  public SurveyTriggers start() {
    timer.scheduleWithFixedDelay(this::safePass, 0, 250, TimeUnit.MILLISECONDS);
    return this;
  }

  private void safePass() {
    try {
      while (pass() == BATCH) {
        // more to read: keep going
      }
    } catch (RuntimeException e) {
      log.warn("survey trigger pass failed (retried shortly): {}", e.getMessage());
    }
  }

  /** Looks at the events since the cursor once; returns how many were read. */
  synchronized int pass() {
    List<SurveyDefinition> triggered = surveys.list().stream().filter(s -> s.trigger() != null).toList();
    long cursor = invitations.cursor();
    if (triggered.isEmpty()) {
      long last = events.lastEventId();
      if (last > cursor) invitations.createAll(List.of(), last);
      return 0;
    }
    List<VocEvents.SeenEvent> seen = events.after(cursor, BATCH);
    if (seen.isEmpty()) return 0;
    Set<Long> customers = new HashSet<>();
    seen.forEach(e -> customers.add(e.profileId()));
    Map<Long, Instant> last = invitations.lastInvited(customers);
    Instant now = Instant.now();
    List<Invitation> created = new ArrayList<>();
    for (VocEvents.SeenEvent e : seen) {
      for (SurveyDefinition s : triggered) {
        SurveyTrigger t = s.trigger();
        if (!t.matches(e.name(), e.journey(), e.stage(), e.touchpoint()) || !t.sampled(s.id(), e.id())) continue;
        var sendAt = t.invitationTime(e.timestamp(), now, last.get(e.profileId()));
        if (sendAt.isEmpty()) continue;
        last.put(e.profileId(), now);
        boolean journeyLevel = s.level() == SurveyLevel.JOURNEY;
        created.add(new Invitation(Invitation.newToken(), s.id(), "trigger", e.profileId(), e.userId(), e.anonymousId(),
            s.journey() != null ? s.journey() : e.journey(),
            journeyLevel ? null : (s.stage() != null ? s.stage() : e.stage()),
            journeyLevel ? null : (s.touchpoint() != null ? s.touchpoint() : e.touchpoint()),
            e.channel(), e.id(), now, sendAt.get(), null));
      }
    }
    if (consent != null && !created.isEmpty()) {
      // checked now, when the invitation is made: a withdrawal a moment ago counts
      Set<Long> refused = consent.refused(created.stream().map(Invitation::profileId).toList(), "survey invitation",
          ConsentCheck.Purpose.SURVEYS, ConsentCheck.Purpose.MARKETING);
      if (!refused.isEmpty()) created = created.stream().filter(i -> !refused.contains(i.profileId())).toList();
    }
    invitations.createAll(created, seen.get(seen.size() - 1).id());
    return seen.size();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
