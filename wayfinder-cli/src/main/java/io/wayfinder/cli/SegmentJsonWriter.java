package io.wayfinder.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.wayfinder.core.event.Event;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes events as Segment-shaped JSON Lines, one message per line: {@code track} with
 * {@code event} and {@code properties}, {@code identify} with {@code traits}, {@code page} and
 * {@code screen} with {@code name}, {@code alias} with {@code previousId}.
 */
final class SegmentJsonWriter implements Closeable {
  private final JsonGenerator json;

  SegmentJsonWriter(OutputStream out) throws IOException {
    JsonFactory factory = new JsonFactory();
    json = factory.createGenerator(out);
    json.setRootValueSeparator(null);
  }

  void write(Event e) {
    try {
      json.writeStartObject();
      json.writeStringField("type", e.type().wireName());
      switch (e.type()) {
        case TRACK -> json.writeStringField("event", e.name());
        case PAGE, SCREEN -> json.writeStringField("name", e.name());
        default -> { }
      }
      json.writeStringField("messageId", e.messageId());
      if (e.userId() != null) json.writeStringField("userId", e.userId());
      if (e.anonymousId() != null) json.writeStringField("anonymousId", e.anonymousId());
      json.writeStringField("timestamp", IsoTimestamp.format(e.timestamp().toEpochMilli()));
      switch (e.type()) {
        case ALIAS -> json.writeStringField("previousId", (String) e.properties().get("previousId"));
        case IDENTIFY -> writeMap("traits", e.properties());
        default -> writeMap("properties", e.properties());
      }
      writeMap("context", e.context());
      json.writeEndObject();
      json.writeRaw('\n');
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private void writeMap(String field, Map<String, Object> map) throws IOException {
    json.writeFieldName(field);
    writeValue(map);
  }

  private void writeValue(Object v) throws IOException {
    if (v == null) json.writeNull();
    else if (v instanceof String s) json.writeString(s);
    else if (v instanceof Integer i) json.writeNumber(i);
    else if (v instanceof Long l) json.writeNumber(l);
    else if (v instanceof Double d) json.writeNumber(d);
    else if (v instanceof Boolean b) json.writeBoolean(b);
    else if (v instanceof Map<?, ?> m) {
      json.writeStartObject();
      for (Map.Entry<?, ?> en : m.entrySet()) {
        json.writeFieldName(String.valueOf(en.getKey()));
        writeValue(en.getValue());
      }
      json.writeEndObject();
    } else if (v instanceof List<?> list) {
      json.writeStartArray();
      for (Object o : list) writeValue(o);
      json.writeEndArray();
    } else json.writeString(v.toString());
  }

  @Override
  public void close() throws IOException {
    json.close();
  }
}
