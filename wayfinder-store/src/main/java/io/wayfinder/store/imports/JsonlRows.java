package io.wayfinder.store.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.collect.InvalidMessageException;
import io.wayfinder.core.collect.Source;
import io.wayfinder.core.collect.Violation;
import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.store.collect.SegmentMessages;
import io.wayfinder.core.eventlog.Utf8Lines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** JSON Lines of Segment-spec messages, validated exactly as the collection API validates them. */
final class JsonlRows implements Rows {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final String file;
  private final Utf8Lines in;
  private final Source source;
  private final Instant receivedAt = Instant.now();
  private long line;
  private String lastCustomer;

  JsonlRows(String file, Utf8Lines in, Source source) {
    this.file = file;
    this.in = in;
    this.source = source;
  }

  @Override
  public CollectedMessage next() {
    String text;
    try {
      do {
        text = in.readLine();
        line = in.line();
      } while (text != null && text.isBlank());
    } catch (IOException e) {
      // a truncated or corrupt .gz: nothing after this point can be read
      throw EventLogException.fatal(file, in.line() + 1, null, "cannot read further, the file is truncated or corrupt ("
          + e.getMessage() + ")");
    }
    if (text == null) return null;
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new EventLogException(file, line, null, "malformed JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode o)) throw new EventLogException(file, line, null, "each line must be a JSON object");
    try {
      CollectedMessage m = SegmentMessages.convertOne(o, source, receivedAt, (int) line);
      lastCustomer = m.event().customerKey();
      return m;
    } catch (InvalidMessageException e) {
      Violation v = e.violations().get(0);
      throw new EventLogException(file, line, v.field(), v.detail());
    }
  }

  @Override
  public String lastCustomer() {
    return lastCustomer;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
