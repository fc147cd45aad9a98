package io.wayfinder.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Workspace settings under {@code /api/settings}: for now the currency money is shown in (ISO 4217,
 * default EUR). Anyone signed in reads them; only an admin changes them ({@link WebAccess}).
 */
public final class Settings {
  static final String DEFAULT_CURRENCY = "EUR";
  private static final List<String> NAMES = List.of("currency");

  private final Database db;

  public Settings(Database db) {
    this.db = db;
  }

  public void register(JavalinConfig config) {
    config.routes.get("/api/settings", ctx -> ctx.json(read()));
    config.routes.put("/api/settings", this::update);
  }

  /** Every setting with its value, defaults filled in. */
  Map<String, Object> read() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("currency", DEFAULT_CURRENCY);
    for (Map<String, Object> r : Sql.rows(db, "SELECT name, value FROM settings ORDER BY name", List.of())) {
      out.put((String) r.get("name"), r.get("value"));
    }
    return out;
  }

  String currency() {
    return (String) read().get("currency");
  }

  private void update(Context ctx) {
    JsonNode body;
    try {
      body = JsonSupport.MAPPER.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      throw new IllegalArgumentException("body: not valid JSON; expected {\"currency\": \"EUR\"}");
    }
    if (body == null || !body.isObject()) throw new IllegalArgumentException("body: expected {\"currency\": \"EUR\"}");
    Map<String, String> values = new LinkedHashMap<>();
    body.fieldNames().forEachRemaining(name -> {
      if (!NAMES.contains(name)) throw new IllegalArgumentException(name + ": not a setting; known: " + NAMES);
    });
    if (body.has("currency")) values.put("currency", currencyCode(body.get("currency")));
    // all checked before anything is written, so a bad field leaves every setting as it was
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "INSERT OR REPLACE INTO settings (name, value, updated_at) VALUES (?, ?, ?)")) {
      for (var e : values.entrySet()) {
        ps.setString(1, e.getKey());
        ps.setString(2, e.getValue());
        ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot save settings: " + e.getMessage(), e);
    }
    ctx.json(read());
  }

  private static String currencyCode(JsonNode v) {
    String code = v == null || !v.isTextual() ? null : v.asText().strip().toUpperCase(Locale.ROOT);
    try {
      if (code == null || !code.matches("[A-Z]{3}")) throw new IllegalArgumentException();
      return Currency.getInstance(code).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("currency: expected an ISO 4217 code such as EUR, USD or GBP, got " + v);
    }
  }
}
