package io.wayfinder.core.generate;

import io.wayfinder.core.event.Channels;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.event.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a customer's drafts into events with the ids real collection would give them: a device
 * sends only its anonymous id until the customer first logs in on it, at which point an identify
 * (or, for some second devices, an alias) links it to the user id; from then on the device sends
 * both. Server-side channels always know the user id.
 */
final class IdentityStitcher {
  private static final Comparator<Draft> ORDER =
      Comparator.comparingLong((Draft d) -> d.time).thenComparingInt(d -> d.sequence);
  private static final String SOURCE = "wayfinder-generate";

  private final long seed;
  private final long start;
  private final long end;

  IdentityStitcher(long seed, long start, long end) {
    this.seed = seed;
    this.start = start;
    this.end = end;
  }

  List<Event> stitch(Customer customer, List<Draft> drafts) {
    drafts.sort(ORDER);
    List<Event> events = new ArrayList<>(drafts.size() + 3);
    boolean[] loggedIn = new boolean[3];
    int counter = 0;
    for (Draft d : drafts) {
      if (d.time < start || d.time >= end) continue;
      Device device = d.device;
      if (device != null && d.needsLogin && !loggedIn[device.number()]) {
        loggedIn[device.number()] = true;
        long at = Math.max(start, d.time - 1000);
        events.add(link(customer, device, at, counter++));
      }
      String anonymousId = device == null ? null : device.anonymousId();
      String userId = device == null || loggedIn[device.number()] ? customer.userId() : null;
      events.add(new Event(0, messageId(customer, counter++), d.type, d.name, 0, anonymousId, userId,
          d.channel, d.touchpoint, Instant.ofEpochMilli(d.time), null,
          Collections.unmodifiableMap(d.properties),
          context(d.channel), SOURCE));
    }
    return events;
  }

  /** The identify (or alias) sent when the customer first logs in on a device. */
  private Event link(Customer c, Device device, long at, int counter) {
    String id = messageId(c, counter);
    Instant ts = Instant.ofEpochMilli(at);
    if (device.linkByAlias()) {
      return new Event(0, id, EventType.ALIAS, null, 0, null, c.userId(), device.channel(), null, ts,
          null, Map.of("previousId", device.anonymousId()), context(device.channel()), SOURCE);
    }
    Map<String, Object> traits = new LinkedHashMap<>();
    if (device.number() == 1) {
      traits.put("email", c.email());
      traits.put("firstName", c.firstName());
      traits.put("lastName", c.lastName());
      traits.put("name", c.firstName() + " " + c.lastName());
      traits.put("plan", c.plan());
      traits.put("consent", Map.of("email", c.emailConsent(), "sms", c.smsConsent()));
      traits.put("createdAt", ts.toString());
    } else {
      traits.put("email", c.email());
    }
    return new Event(0, id, EventType.IDENTIFY, null, 0, device.anonymousId(), c.userId(),
        device.channel(), null, ts, null, traits, context(device.channel()), SOURCE);
  }

  private String messageId(Customer c, int counter) {
    return Ids.uuid(seed, c.index(), 2, counter);
  }

  private static final Map<String, Map<String, Object>> CONTEXTS = new HashMap<>();

  static {
    for (String channel : Channels.ALL) CONTEXTS.put(channel, Map.of("channel", channel));
  }

  private static Map<String, Object> context(String channel) {
    return CONTEXTS.get(channel);
  }
}
