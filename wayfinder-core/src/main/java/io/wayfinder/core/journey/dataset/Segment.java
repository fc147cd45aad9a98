package io.wayfinder.core.journey.dataset;

/**
 * A group of customers by a trait value, written {@code trait=value} (e.g. {@code plan=fibre_300}).
 */
public record Segment(String trait, String value) {
  public Segment {
    if (trait == null || trait.isBlank() || value == null) throw new IllegalArgumentException("segment: expected trait=value");
  }

  /** Parses {@code trait=value}; null stays null. */
  public static Segment parse(String text) {
    if (text == null || text.isBlank()) return null;
    int eq = text.indexOf('=');
    if (eq <= 0) throw new IllegalArgumentException("segment: expected trait=value, got '" + text + "'");
    return new Segment(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
  }

  /** Per case id of the dataset: whether the customer is in this segment. */
  public boolean[] members(JourneyDataset d) {
    boolean[] in = new boolean[d.caseCount()];
    Column c = d.trait(trait);
    if (c == null) return in;
    int code = c.codeOf(value);
    if (code < 0) return in;
    for (int k = 0; k < in.length; k++) in[k] = c.code(k) == code;
    return in;
  }

  @Override
  public String toString() {
    return trait + "=" + value;
  }
}
