package io.wayfinder.cli;

import io.wayfinder.core.journey.discovery.DirectlyFollows;
import io.wayfinder.core.journey.discovery.DiscoveryResult;
import io.wayfinder.core.journey.discovery.FunnelResult;
import io.wayfinder.core.journey.discovery.NamedCount;
import io.wayfinder.core.journey.discovery.Rework;
import io.wayfinder.core.journey.discovery.Variant;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The readable text form of discovery results. */
final class DiscoverySummary {
  private static final int EDGES_SHOWN = 15;

  private DiscoverySummary() {}

  static void print(PrintWriter out, String logFile, DiscoveryResult r, int top, FunnelResult funnel) {
    out.printf(Locale.ROOT, "%s: %,d cases, %,d events, %d activities, %d variants%n",
        logFile, r.cases(), r.events(), r.activities().size(), r.variantCount());
    out.printf(Locale.ROOT, "case duration: mean %s, median %s, min %s, max %s%n",
        human(r.caseDurations().meanSeconds()), human(r.caseDurations().medianSeconds()),
        human(r.caseDurations().minSeconds()), human(r.caseDurations().maxSeconds()));
    out.println("start: " + counts(r.startActivities()));
    out.println("end:   " + counts(r.endActivities()));
    out.printf(Locale.ROOT, "%ndirectly follows (%d edges, top %d by count; median / p90 wait):%n",
        r.directlyFollows().size(), Math.min(EDGES_SHOWN, r.directlyFollows().size()));
    for (DirectlyFollows e : r.directlyFollows().subList(0, Math.min(EDGES_SHOWN, r.directlyFollows().size()))) {
      out.printf(Locale.ROOT, "  %7d  %s -> %s  (%s / %s)%n", e.count(), e.from(), e.to(),
          human(e.medianSeconds()), human(e.p90Seconds()));
    }
    out.printf(Locale.ROOT, "%nvariants (top %d):%n", Math.min(top, r.variantCount()));
    for (Variant v : r.topVariants(top)) {
      out.printf(Locale.ROOT, "  %7d  %5.1f%%  %s%n", v.count(), 100 * v.share(), String.join(" > ", v.activities()));
    }
    if (!r.selfLoops().isEmpty()) {
      out.println();
      out.println("self-loops: " + String.join(", ", r.selfLoops().stream().map(e -> e.from() + " x" + e.count()).toList()));
    }
    if (!r.rework().isEmpty()) {
      out.println("rework: "
          + String.join(", ", r.rework().stream().map(DiscoverySummary::rework).toList()));
    }
    if (funnel != null) {
      out.printf(Locale.ROOT, "%nfunnel:%n");
      for (FunnelResult.Step s : funnel.steps()) {
        String conversion = s.conversionFromPrevious() == null ? "" :
            String.format(Locale.ROOT, "  (%.1f%% of previous)", 100 * s.conversionFromPrevious());
        out.printf(Locale.ROOT, "  %7d  %s%s%n", s.cases(), s.activity(), conversion);
      }
    }
  }

  private static String rework(Rework w) {
    return w.activity() + " (" + w.cases() + " cases, " + w.repeats() + " repeats)";
  }

  private static String counts(List<NamedCount> counts) {
    return String.join(", ", counts.stream().map(c -> c.name() + " " + c.count()).toList());
  }

  /** Seconds as e.g. {@code 2d 03:04:05} or {@code 12.5s}. */
  static String human(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    Duration d = Duration.ofMillis(Math.round(seconds * 1000));
    String clock = String.format(Locale.ROOT, "%02d:%02d:%02d", d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    return d.toDays() > 0 ? d.toDays() + "d " + clock : clock;
  }
}
