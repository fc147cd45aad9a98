package io.wayfinder.store.imports;

import java.util.List;

/**
 * How one interface spells the import's settings: the CLI as flags ({@code --customer}), the HTTP
 * API as query parameters ({@code case}). The importer's messages use these names, so a hint
 * points at what the user of that interface can actually type.
 *
 * @param customer the customer (case) column
 * @param activity the activity column
 * @param timestamp the timestamp column
 * @param format the file format
 * @param source the source the events are recorded under
 * @param channel the channel of rows without one
 */
public record ImportSettingNames(String customer, String activity, String timestamp, String format, String source,
    String channel) {

  /** The import's own terms, which the HTTP API also uses as its query parameters. */
  public static final ImportSettingNames DEFAULT =
      new ImportSettingNames("case", "activity", "timestamp", "format", "source", "channel");

  /** How a sentence refers to a setting: a flag as it is, a parameter as "the case parameter". */
  public static String refer(String name) {
    return name.startsWith("-") ? name : "the " + name + " parameter";
  }

  /**
   * A message written with these names, reworded with {@code to}'s: the CLI shows a server's
   * answer as if it had imported the file itself. Only what the importer writes is reworded: a
   * leading "{@code setting: }" and each {@link #refer reference} to a setting.
   */
  public String reword(String message, ImportSettingNames to) {
    List<String> from = names();
    List<String> into = to.names();
    String out = message;
    for (int i = 0; i < from.size(); i++) {
      if (out.startsWith(from.get(i) + ": ")) out = into.get(i) + out.substring(from.get(i).length());
      out = out.replace(refer(from.get(i)), refer(into.get(i)));
    }
    return out;
  }

  private List<String> names() {
    return List.of(customer, activity, timestamp, format, source, channel);
  }
}
