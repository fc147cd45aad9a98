package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.store.imports.ImportSpec;
import java.nio.file.Path;

/**
 * What CLI commands ask of Wayfinder's data, answered either by opening the data directory in
 * this process or, when a server holds it, through that server's HTTP API. Answers are JSON
 * trees shaped like the REST API's, so both paths print the same.
 */
interface Backend extends AutoCloseable {
  JsonNode stats();

  JsonNode sources();

  JsonNode createSource(String name, String channel);

  /** A fresh signing secret for the source (id or name), replacing any earlier one. */
  JsonNode newSigningSecret(String source);

  JsonNode profile(String ref, int timeline);

  JsonNode profiles(int limit);

  /** Everything held about one customer ({@code GET /api/subjects/{id}/export}). */
  JsonNode subjectExport(String subjectType, String id);

  /** Records and carries out a regulation shaped as the body of {@code POST /api/regulations}. */
  JsonNode regulate(String type, String subjectType, java.util.List<String> ids);

  JsonNode importFile(Path file, ImportSpec spec, ProgressBar progress);

  /**
   * Imports feedback items read from {@code file}, shaped as the body of {@code POST /api/feedback};
   * errors name {@code file} as the user gave it.
   */
  JsonNode importFeedback(Path file, ObjectNode request);

  /** Stores a journey definition (create or replace); answers the stored definition. */
  JsonNode saveJourney(JsonNode definition);

  /** {@code {"journeys": [...]}}. */
  JsonNode journeys();

  /** The journey map as JSON, Graphviz DOT or SVG text. */
  String journeyMap(String id, String format);

  /** Runs a funnel spec (the JSON of {@code POST /api/funnels}). */
  JsonNode funnel(JsonNode spec);

  /** Runs a retention query (the JSON of {@code POST /api/retention}). */
  JsonNode retention(JsonNode query);

  /** {@code {"painPoints": [...]}} of one journey or (null) all. */
  JsonNode painPoints(String journey);

  /** {@code POST /api/clv/fit}, {@code /api/clv/score}, {@code /api/churn/train}, {@code /api/churn/score}. */
  JsonNode clvFit(JsonNode request);

  JsonNode clvScore(JsonNode request);

  JsonNode churnTrain(JsonNode request);

  JsonNode churnScore(JsonNode request);

  @Override
  void close();
}
