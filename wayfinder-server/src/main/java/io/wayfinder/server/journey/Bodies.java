package io.wayfinder.server.journey;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import io.wayfinder.server.TimeBound;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Request bodies and query parameters of the journey API, with errors that name the field.
 * Jackson's own errors are left to {@link io.wayfinder.server.problem.Problems}, which words them
 * for every JSON-bound endpoint alike.
 */
final class Bodies {
  private static final JsonMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
      .addModule(new SimpleModule("time-bounds").addDeserializer(Instant.class, new TimeBound.Deserializer(false)))
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();

  private Bodies() {}

  static <T> T read(Context ctx, Class<T> type, String example) throws IOException {
    byte[] body = ctx.bodyAsBytes();
    T value = body.length == 0 ? null : MAPPER.readValue(body, type);
    if (value == null) throw new IllegalArgumentException("body: expected " + example);
    return value;
  }

  static Instant instant(Context ctx, String param) {
    String v = ctx.queryParam(param);
    if (v == null || v.isBlank()) return null;
    try {
      return TimeBound.parse(v.strip(), param.equals("to"));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(param + ": expected " + TimeBound.EXPECTED + ", got '" + v + "'");
    }
  }
}
