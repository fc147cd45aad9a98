package io.wayfinder.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON output of the CLI. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  static String pretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JSON file the user gave (a --spec); errors name the file. */
  static com.fasterxml.jackson.databind.JsonNode read(java.nio.file.Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (java.io.IOException e) {
      throw new CliException(file + ": " + e.getMessage());
    }
  }

  private Json() {}
}
