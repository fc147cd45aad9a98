package io.wayfinder.store.journey;

import io.wayfinder.core.journey.dataset.Column;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.index.JourneyIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything a journey dataset holds as lines of text, codes and dictionaries included, so two
 * datasets compare equal only when every analysis sees the same data in the same order.
 */
final class DatasetDump {
  private DatasetDump() {}

  static List<String> of(JourneyDataset d) {
    JourneyIndex x = d.index();
    List<String> out = new ArrayList<>();
    List<String> activities = new ArrayList<>();
    for (int a = 0; a < x.activityCount(); a++) activities.add(x.activityName(a));
    out.add("activities " + activities);
    for (int k = 0; k < x.eventClassCount(); k++) out.add("class " + k + " " + x.classActivity(k) + " " + x.classLifecycle(k));
    out.add("channel " + dictionary(d.channel()));
    out.add("touchpoint " + dictionary(d.touchpoint()));
    for (String key : new TreeSet<>(d.propertyKeys())) out.add("property " + key + " " + dictionary(d.property(key)));
    for (int c = 0; c < d.caseCount(); c++) {
      out.add("case " + c + " " + x.caseName(c) + " events from " + x.caseStart(c) + " value " + d.customerValue(c));
      for (int i = x.caseStart(c); i < x.caseStart(c + 1); i++) {
        StringBuilder e = new StringBuilder("  ").append(x.caseColumn()[i]).append(' ').append(x.eventClassColumn()[i]).append(' ')
            .append(x.timeColumn()[i]).append(" @").append(x.positionColumn()[i]).append(" ch ").append(d.channel().code(i))
            .append(" tp ").append(d.touchpoint().code(i)).append(" rev ").append(d.revenue(i));
        for (String key : new TreeSet<>(d.propertyKeys())) e.append(' ').append(key).append(' ').append(d.property(key).code(i));
        out.add(e.toString());
      }
    }
    d.surveys().forEach(s -> out.add("survey " + s));
    for (String t : new TreeSet<>(d.traitKeys())) {
      Column c = d.trait(t);
      StringBuilder codes = new StringBuilder();
      for (int i = 0; i < c.size(); i++) codes.append(c.code(i)).append(',');
      out.add("trait " + t + " " + dictionary(c) + " " + codes);
    }
    return out;
  }

  private static String dictionary(Column c) {
    List<String> values = new ArrayList<>();
    for (int v = 0; v < c.distinctValues(); v++) values.add(c.valueOf(v));
    return values + " over " + c.size();
  }
}
