package io.wayfinder.core.generate;

import io.wayfinder.core.event.EventType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as a journey script writes it, before identity is attached: who sent it (which
 * device, or none for server-side channels) is known, which ids it carries is not yet.
 */
final class Draft {
  final EventType type;
  final String name;
  final long time;
  final int sequence;
  final String channel;
  final Device device;
  final String touchpoint;
  final Map<String, Object> properties = new LinkedHashMap<>();
  boolean needsLogin;

  Draft(EventType type, String name, long time, int sequence, String channel, Device device,
      String touchpoint) {
    this.type = type;
    this.name = name;
    this.time = time;
    this.sequence = sequence;
    this.channel = channel;
    this.device = device;
    this.touchpoint = touchpoint;
    this.needsLogin = type == EventType.TRACK && device != null;
  }

  Draft with(String key, Object value) {
    properties.put(key, value);
    return this;
  }

  /** Marks a device event as one a visitor can do without logging in. */
  Draft anonymous() {
    needsLogin = false;
    return this;
  }
}
