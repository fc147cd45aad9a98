package io.wayfinder.core.generate;

import io.wayfinder.core.event.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects one customer's draft events, in any order, as the journey scripts play. */
final class Timeline {
  static final long MINUTE = 60_000L;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  static long minutes(double m) {
    return (long) (m * MINUTE);
  }

  static long hours(double h) {
    return (long) (h * HOUR);
  }

  static long days(double d) {
    return (long) (d * DAY);
  }

  final Customer customer;
  final Rng rng;
  final long end;
  private final List<Draft> drafts = new ArrayList<>(128);

  Timeline(Customer customer, Rng rng, long end) {
    this.customer = customer;
    this.rng = rng;
    this.end = end;
  }

  List<Draft> drafts() {
    return drafts;
  }

  /** A track event on a device (web or app). */
  Draft track(long time, Device device, String name, String journey, String stage, String touchpoint) {
    return add(EventType.TRACK, name, time, device.channel(), device, journey, stage, touchpoint);
  }

  /** A track event from a server-side channel (store, call centre, e-mail, partner, review). */
  Draft track(long time, String channel, String name, String journey, String stage, String touchpoint) {
    return add(EventType.TRACK, name, time, channel, null, journey, stage, touchpoint);
  }

  /** A page view on the web or a screen view in the app. */
  Draft view(long time, Device device, String name, String journey, String stage, String touchpoint) {
    EventType type = device.channel().equals("app") ? EventType.SCREEN : EventType.PAGE;
    return add(type, name, time, device.channel(), device, journey, stage, touchpoint);
  }

  /** A "Survey Response" with a comment on some answers, its sentiment matching the score. */
  Draft survey(long time, String channel, String survey, String questionType, int score,
      String journey, String stage, String touchpoint, String topic) {
    Draft d = track(time, channel, "Survey Response", journey, stage, touchpoint)
        .with("survey", survey).with("question_type", questionType).with("score", score);
    if (rng.chance(0.6)) d.with("comment", Comments.write(rng, questionType, score, topic));
    return d;
  }

  /** A server-side identify that updates traits. */
  Draft traits(long time, Map<String, Object> traits) {
    Draft d = new Draft(EventType.IDENTIFY, null, time, drafts.size(), "web", null, null);
    d.properties.putAll(traits);
    drafts.add(d);
    return d;
  }

  private Draft add(EventType type, String name, long time, String channel, Device device,
      String journey, String stage, String touchpoint) {
    Draft d = new Draft(type, name, time, drafts.size(), channel, device, touchpoint);
    d.with("journey", journey).with("stage", stage).with("touchpoint", touchpoint);
    drafts.add(d);
    return d;
  }
}
