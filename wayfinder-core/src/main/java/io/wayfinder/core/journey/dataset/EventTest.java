package io.wayfinder.core.journey.dataset;

import java.util.Map;

/** An {@link EventFilter} resolved against one dataset: dictionary codes instead of strings. */
public final class EventTest {
  private static final int ANY = -2;
  private final JourneyDataset data;
  private final boolean[] activityOk;
  private final int channelCode;
  private final Column[] propertyColumns;
  private final int[] propertyCodes;
  private final boolean impossible;

  private EventTest(JourneyDataset data, boolean[] activityOk, int channelCode, Column[] columns, int[] codes,
      boolean impossible) {
    this.data = data;
    this.activityOk = activityOk;
    this.channelCode = channelCode;
    this.propertyColumns = columns;
    this.propertyCodes = codes;
    this.impossible = impossible;
  }

  static EventTest compile(JourneyDataset d, EventFilter f) {
    int activities = d.index().activityCount();
    boolean[] ok = new boolean[activities];
    boolean impossible = false;
    if (f.event() == null) {
      java.util.Arrays.fill(ok, true);
    } else {
      int a = d.activityId(f.event());
      if (a >= 0) ok[a] = true;
      else impossible = true;
    }
    int ch = ANY;
    if (f.channel() != null) {
      ch = d.channel().codeOf(f.channel());
      impossible |= ch < 0;
    }
    Column[] cols = new Column[f.properties().size()];
    int[] codes = new int[cols.length];
    int k = 0;
    for (Map.Entry<String, String> e : f.properties().entrySet()) {
      Column c = d.property(e.getKey());
      if (c == null) {
        throw new IllegalArgumentException("property '" + e.getKey() + "' is not loaded in the journey index "
            + "(loaded: " + d.propertyKeys() + ")");
      }
      cols[k] = c;
      codes[k] = c.codeOf(e.getValue());
      impossible |= codes[k] < 0;
      k++;
    }
    return new EventTest(d, ok, ch, cols, codes, impossible);
  }

  /** True when event {@code i} matches. */
  public boolean test(int i) {
    if (impossible || !activityOk[data.activity(i)]) return false;
    if (channelCode != ANY && data.channel().code(i) != channelCode) return false;
    for (int k = 0; k < propertyColumns.length; k++) {
      if (propertyColumns[k].code(i) != propertyCodes[k]) return false;
    }
    return true;
  }

  /** True when events of activity {@code a} may match (channel and properties aside). */
  public boolean acceptsActivity(int a) {
    return !impossible && activityOk[a];
  }

  /** True when the activity alone decides (no channel or property condition). */
  public boolean nameOnly() {
    return channelCode == ANY && propertyColumns.length == 0;
  }

  /** True when no event of the dataset can match. */
  public boolean impossible() {
    return impossible;
  }
}
