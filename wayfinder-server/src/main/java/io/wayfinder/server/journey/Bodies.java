package io.wayfinder.server.journey;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Request bodies and query parameters of the journey API, with errors that name the field. */
final class Bodies {
  private static final JsonMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();

  private Bodies() {}

  static <T> T read(Context ctx, Class<T> type, String example) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) throw new IllegalArgumentException("body: expected " + example);
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) throw new IllegalArgumentException("body: expected " + example);
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(e.getPropertyName() + ": unknown field (expected " + e.getKnownPropertyIds() + ")");
    } catch (ValueInstantiationException e) {
      throw new IllegalArgumentException(e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage());
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      String field = e.getPath().isEmpty() ? "body" : e.getPath().get(e.getPath().size() - 1).getFieldName();
      throw new IllegalArgumentException(field + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("body: not valid JSON (" + e.getMessage() + ")");
    }
  }

  static Instant instant(Context ctx, String param) {
    String v = ctx.queryParam(param);
    if (v == null || v.isBlank()) return null;
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException(param + ": expected an ISO-8601 instant or date, got '" + v + "'");
      }
    }
  }
}
