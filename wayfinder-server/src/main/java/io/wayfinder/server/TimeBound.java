package io.wayfinder.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import io.wayfinder.store.json.JsonInputErrors;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@code from}/{@code to} bound, read alike by every API (journeys, KPIs, the web pages): an
 * ISO-8601 instant, or a date. A {@code from} date is its day's start; a {@code to} date includes
 * the whole day, so the (exclusive) bound is the next day's start. Query parameters and JSON bodies
 * read bounds alike.
 */
public final class TimeBound {
  public static final String EXPECTED = JsonInputErrors.kind(Instant.class);

  private TimeBound() {}

  /** The bound {@code text} names, a date taken in UTC; {@code end} for a {@code to}. */
  public static Instant parse(String text, boolean end) throws DateTimeException {
    return parse(text, ZoneOffset.UTC, end);
  }

  /** The bound {@code text} names, a date taken in {@code zone}; {@code end} for a {@code to}. */
  public static Instant parse(String text, ZoneId zone, boolean end) throws DateTimeException {
    if (text.length() == 10) {
      LocalDate d = LocalDate.parse(text);
      return (end ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
    }
    return Instant.parse(text);
  }

  /** Every {@link Instant} of a journey request body; the property named {@code to} is an end. */
  public static final class Deserializer extends StdScalarDeserializer<Instant> implements ContextualDeserializer {
    private final boolean end;

    public Deserializer(boolean end) {
      super(Instant.class);
      this.end = end;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
      return new Deserializer(property != null && "to".equals(property.getName()));
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      // Numbers are refused: epoch seconds and epoch milliseconds cannot be told apart.
      if (!p.hasToken(JsonToken.VALUE_STRING)) return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      String text = p.getText().strip();
      try {
        return parse(text, end);
      } catch (DateTimeException e) {
        throw ctxt.weirdStringException(text, Instant.class, "not " + EXPECTED);
      }
    }
  }
}
