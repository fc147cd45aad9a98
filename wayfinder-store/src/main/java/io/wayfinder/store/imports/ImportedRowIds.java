package io.wayfinder.store.imports;

import io.wayfinder.core.eventlog.LogEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Message ids for imported event-log rows, which carry none of their own: a hash of the row's
 * number in the file and its content. The same file imported again yields the same ids, so its
 * rows are counted as duplicates and stored once, as JSON Lines messages with a messageId are.
 */
final class ImportedRowIds {
  static final String PREFIX = "import:";

  private ImportedRowIds() {}

  /** The id of the {@code row}-th event (1-based) of a file, from its case, activity, time, lifecycle and attributes. */
  static String of(long row, LogEvent e) {
    StringBuilder b = new StringBuilder().append(row).append('\u001f').append(e.caseId()).append('\u001f')
        .append(e.activity()).append('\u001f').append(e.timestamp()).append('\u001f').append(e.lifecycle());
    // sorted, so the id does not depend on the order a reader returns the attributes in
    for (Map.Entry<String, String> a : new TreeMap<>(e.attributes()).entrySet()) {
      b.append('\u001f').append(a.getKey()).append('=').append(a.getValue());
    }
    try {
      byte[] hash = MessageDigest.getInstance("MD5").digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java runtime has MD5", impossible);
    }
  }
}
