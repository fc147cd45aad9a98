package io.wayfinder.core.journey.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link JourneyMap} as Graphviz DOT or as a standalone SVG (no scripts, no external files). */
public final class MapExport {
  private static final int MAX_LINKS = 60;
  private static final int COL_WIDTH = 250;
  private static final int BOX_W = 210;
  private static final int BOX_H = 38;
  private static final int ROW = 54;
  private static final int TOP = 132;
  /** Characters of 12 px sans-serif that fit a column (about 6.6 px each); longer texts end in … with the whole in a title. */
  private static final int FITS = 34;

  private MapExport() {}

  public static String dot(JourneyMap m) {
    StringBuilder s = new StringBuilder("digraph \"" + esc(m.journey()) + "\" {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n");
    s.append("  label=\"").append(esc(m.name())).append(String.format(Locale.ROOT, " (%d instances, %s converted)\";\n",
        m.instances(), pct(m.conversion())));
    List<String> columns = columns(m);
    for (int c = 0; c < columns.size(); c++) {
      String stage = columns.get(c);
      JourneyMap.StageSummary st = stage(m, stage);
      s.append("  subgraph cluster_").append(c).append(" {\n    label=\"").append(esc(stage == null ? "(no stage)" : stage));
      if (st != null) s.append(String.format(Locale.ROOT, "\\n%d instances, %s converted", st.instances(), pct(st.conversion())));
      s.append("\";\n");
      for (JourneyMap.Node n : m.nodes()) {
        if (java.util.Objects.equals(n.stage(), stage)) {
          s.append("    \"").append(esc(n.event())).append("\" [label=\"").append(esc(n.event())).append("\\n")
              .append(n.events()).append("\"];\n");
        }
      }
      s.append("  }\n");
    }
    int max = m.links().isEmpty() ? 1 : m.links().get(0).count();
    for (JourneyMap.Link l : m.links()) {
      s.append(String.format(Locale.ROOT, "  \"%s\" -> \"%s\" [label=\"%d\", penwidth=%.1f];%n", esc(l.from()), esc(l.to()),
          l.count(), 0.5 + 5.0 * l.count() / max));
    }
    return s.append("}\n").toString();
  }

  public static String svg(JourneyMap m) {
    List<String> columns = columns(m);
    Map<String, double[]> pos = new HashMap<>();
    int[] rows = new int[columns.size()];
    for (JourneyMap.Node n : m.nodes()) {
      int c = columns.indexOf(n.stage());
      pos.put(n.event(), new double[] {30 + c * COL_WIDTH, TOP + rows[c]++ * ROW});
    }
    int height = TOP + 40 + ROW * java.util.Arrays.stream(rows).max().orElse(1);
    int width = 60 + columns.size() * COL_WIDTH;
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        width, height, width, height));
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append(String.format(Locale.ROOT, "<text x=\"30\" y=\"28\" font-size=\"18\" font-weight=\"bold\">%s</text>%n", xml(m.name())));
    s.append(String.format(Locale.ROOT, "<text x=\"30\" y=\"48\">%d instances, %s converted%s</text>%n", m.instances(),
        pct(m.conversion()), m.owner() == null ? "" : " · owner " + xml(m.owner())));
    for (int c = 0; c < columns.size(); c++) {
      JourneyMap.StageSummary st = stage(m, columns.get(c));
      double x = 30 + c * COL_WIDTH;
      // three short lines per stage: a single long one ran into the next column's header
      s.append(text(x, 78, " font-weight=\"bold\"", columns.get(c) == null ? "(no stage)" : columns.get(c), FITS - 4));
      if (st != null) {
        s.append(text(x, 96, "", String.format(Locale.ROOT, "%d reach · %s convert · %s", st.instances(), pct(st.conversion()),
            duration(st.medianSecondsInStage())), FITS));
        s.append(text(x, 112, "", kpiText(st.kpis()), FITS));
      }
    }
    int max = m.links().isEmpty() ? 1 : m.links().get(0).count();
    for (JourneyMap.Link l : m.links().subList(0, Math.min(MAX_LINKS, m.links().size()))) {
      double[] a = pos.get(l.from());
      double[] b = pos.get(l.to());
      double x1 = a[0] + BOX_W;
      double y1 = a[1] + BOX_H / 2.0;
      double x2 = b[0];
      double y2 = b[1] + BOX_H / 2.0;
      if (x2 <= x1) {
        x2 = b[0] + BOX_W / 2.0;
        y2 = b[1] + (b[1] > a[1] ? 0 : BOX_H);
      }
      double mid = (x1 + x2) / 2;
      s.append(String.format(Locale.ROOT,
          "<path d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\" fill=\"none\" stroke=\"#4a78c2\" stroke-opacity=\"0.35\" stroke-width=\"%.1f\"><title>%s → %s: %d</title></path>%n",
          x1, y1, mid, y1, mid, y2, x2, y2, 1 + 10.0 * l.count() / max, xml(l.from()), xml(l.to()), l.count()));
    }
    for (JourneyMap.Node n : m.nodes()) {
      double[] p = pos.get(n.event());
      s.append(String.format(Locale.ROOT,
          "<rect x=\"%.0f\" y=\"%.0f\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"#eef3fb\" stroke=\"#4a78c2\"/>%n", p[0], p[1], BOX_W, BOX_H));
      s.append(text(p[0] + 8, p[1] + 16, "", n.event(), FITS - 4));
      s.append(text(p[0] + 8, p[1] + 31, " fill=\"#555\"", String.format(Locale.ROOT, "%d events · %d customers", n.events(), n.customers()), FITS - 4));
    }
    return s.append("</svg>\n").toString();
  }

  /** Stage names in order, then null for nodes outside every stage (if any). */
  private static List<String> columns(JourneyMap m) {
    List<String> c = new ArrayList<>(m.stages().stream().map(JourneyMap.StageSummary::name).toList());
    if (m.nodes().stream().anyMatch(n -> n.stage() == null)) c.add(null);
    return c;
  }

  private static JourneyMap.StageSummary stage(JourneyMap m, String name) {
    return m.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  /** A text element; past {@code fits} characters it ends in … and carries the whole text as its title. */
  private static String text(double x, double y, String attrs, String text, int fits) {
    if (text.isEmpty()) return "";
    String shown = text.length() <= fits ? text : text.substring(0, fits - 1) + "…";
    String title = shown.equals(text) ? "" : "<title>" + xml(text) + "</title>";
    return String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\"%s>%s%s</text>%n", x, y, attrs, title, xml(shown));
  }

  private static String kpiText(JourneyMap.Kpis k) {
    if (k == null) return "";
    List<String> s = new ArrayList<>();
    if (k.nps() != null && k.nps().value() != null) s.add(String.format(Locale.ROOT, "NPS %.0f", k.nps().value()));
    if (k.csat() != null && k.csat().value() != null) s.add(String.format(Locale.ROOT, "CSAT %.0f%%", k.csat().value()));
    if (k.ces() != null && k.ces().value() != null) s.add(String.format(Locale.ROOT, "CES %.1f", k.ces().value()));
    return String.join(" · ", s);
  }

  private static String pct(Double r) {
    return r == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * r);
  }

  private static String duration(Double seconds) {
    if (seconds == null) return "-";
    if (seconds < 3600) return String.format(Locale.ROOT, "%.0f min", seconds / 60);
    if (seconds < 172_800) return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    return String.format(Locale.ROOT, "%.1f d", seconds / 86_400);
  }

  private static String esc(String s) {
    return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String xml(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
