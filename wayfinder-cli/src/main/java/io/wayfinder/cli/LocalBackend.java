package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.server.predict.PredictionRoutes;
import io.wayfinder.server.voc.FeedbackRoutes;
import io.wayfinder.store.predict.ChurnService;
import io.wayfinder.store.predict.ClvService;
import io.wayfinder.store.Database;
import io.wayfinder.store.voc.FeedbackImport;
import io.wayfinder.store.Stats;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.imports.ImportSpec;
import io.wayfinder.store.imports.Importer;
import io.wayfinder.store.profiles.ProfileStore;
import io.wayfinder.store.sources.SourceStore;
import io.wayfinder.server.api.ManagementRoutes;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.core.journey.funnel.Funnel;
import io.wayfinder.core.journey.retention.RetentionQuery;
import io.wayfinder.store.journey.RetentionAnalytics;
import io.wayfinder.core.journey.map.JourneyMap;
import io.wayfinder.core.journey.map.MapExport;
import io.wayfinder.store.journey.DefinitionFiles;
import io.wayfinder.store.journey.JourneyAnalytics;
import java.nio.file.Path;
import java.util.Map;

/** The data directory, opened in this process. */
final class LocalBackend implements Backend {
  private final Database db;
  private JourneyAnalytics analytics;

  LocalBackend(Database db) {
    this.db = db;
  }

  @Override
  public JsonNode stats() {
    return Json.MAPPER.valueToTree(Stats.read(db));
  }

  @Override
  public JsonNode sources() {
    return Json.MAPPER.valueToTree(new SourceStore(db).list().stream().map(ManagementRoutes.SourceView::of).toList());
  }

  @Override
  public JsonNode createSource(String name, String channel) {
    return Json.MAPPER.valueToTree(ManagementRoutes.SourceView.of(new SourceStore(db).create(name, channel)));
  }

  @Override
  public JsonNode newSigningSecret(String source) {
    SourceStore store = new SourceStore(db);
    String id = store.byIdOrName(source).orElseThrow(() -> new CliException("no source '" + source + "'")).id();
    return Json.MAPPER.valueToTree(store.newSigningSecret(id));
  }

  @Override
  public JsonNode profile(String ref, int timeline) {
    return Json.MAPPER.valueToTree(new ProfileStore(db).find(ref, timeline)
        .orElseThrow(() -> new CliException("no profile '" + ref + "' (try a profile number, user id, anonymous id or e-mail)")));
  }

  @Override
  public JsonNode subjectExport(String subjectType, String id) {
    var doc = new io.wayfinder.store.privacy.SubjectExport(db).export(
        io.wayfinder.store.privacy.Regulations.SubjectType.valueOf(subjectType), id);
    if (doc == null) throw new CliException("no customer with " + subjectType + " '" + id + "'");
    return doc;
  }

  @Override
  public JsonNode regulate(String type, String subjectType, java.util.List<String> ids) {
    try (EventWriter writer = new EventWriter(db)) {
      return Json.MAPPER.valueToTree(new io.wayfinder.store.privacy.Regulations(db, writer).create(
          io.wayfinder.store.privacy.Regulations.Type.valueOf(type), io.wayfinder.store.privacy.Regulations.SubjectType.valueOf(subjectType), ids));
    }
  }

  @Override
  public JsonNode profiles(int limit) {
    return Json.MAPPER.valueToTree(Map.of("profiles", new ProfileStore(db).mostActive(limit)));
  }

  @Override
  public JsonNode importFile(Path file, ImportSpec spec, ProgressBar progress) {
    try (EventWriter writer = new EventWriter(db)) {
      Importer importer = new Importer(writer, new SourceStore(db), ImportCommand.FLAGS);
      return Json.MAPPER.valueToTree(importer.run(file, spec, progress::update));
    }
  }

  @Override
  public JsonNode importFeedback(Path file, ObjectNode request) {
    String name = file.toString();
    try (EventWriter writer = new EventWriter(db)) {
      return Json.MAPPER.valueToTree(new FeedbackImport(writer).run(FeedbackRoutes.items(request.get("items"), name),
          FeedbackRoutes.spec(request), name));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
  }

  @Override
  public JsonNode saveJourney(JsonNode definition) {
    JourneyDefinition d = DefinitionFiles.parse(definition.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    analytics().definitions().put(d);
    return Json.MAPPER.valueToTree(d);
  }

  @Override
  public JsonNode journeys() {
    return Json.MAPPER.valueToTree(Map.of("journeys", analytics().definitions().list()));
  }

  @Override
  public String journeyMap(String id, String format) {
    JourneyMap m = analytics().map(analytics().definitions().find(id)
        .orElseThrow(() -> new CliException("no journey '" + id + "' (see wayfinder journeys list)")));
    return switch (format) {
      case "dot" -> MapExport.dot(m);
      case "svg" -> MapExport.svg(m);
      default -> Json.pretty(m);
    };
  }

  @Override
  public JsonNode funnel(JsonNode spec) {
    try {
      return Json.MAPPER.valueToTree(analytics().funnel(Json.MAPPER.treeToValue(spec, Funnel.class)));
    } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
      throw new CliException(e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CliException("funnel spec: " + e.getOriginalMessage());
    }
  }

  @Override
  public JsonNode retention(JsonNode query) {
    try {
      RetentionQuery q = Json.MAPPER.treeToValue(query, RetentionQuery.class);
      return Json.MAPPER.valueToTree(new RetentionAnalytics(db, analytics()).retention(q));
    } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
      throw new CliException(e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CliException("retention query: " + e.getOriginalMessage());
    }
  }

  @Override
  public JsonNode clvFit(JsonNode request) {
    return predict(() -> new ClvService(db).fit(PredictionRoutes.clvRequest(request)));
  }

  @Override
  public JsonNode clvScore(JsonNode request) {
    return predict(() -> new ClvService(db).score(PredictionRoutes.date(request, "calibrationEnd")));
  }

  @Override
  public JsonNode churnTrain(JsonNode request) {
    return predict(() -> new ChurnService(db).train(PredictionRoutes.churnRequest(request)));
  }

  @Override
  public JsonNode churnScore(JsonNode request) {
    return predict(() -> new ChurnService(db).score(PredictionRoutes.instant(request, "asOf")));
  }

  /** Runs a prediction; bad input (no purchases, an empty window, no model yet) becomes a CLI error. */
  private static JsonNode predict(java.util.function.Supplier<Object> job) {
    try {
      return Json.MAPPER.valueToTree(job.get());
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
  }

  @Override
  public JsonNode painPoints(String journey) {
    return Json.MAPPER.valueToTree(Map.of("painPoints", analytics().painPoints(journey)));
  }

  private JourneyAnalytics analytics() {
    if (analytics == null) analytics = new JourneyAnalytics(db);
    return analytics;
  }

  @Override
  public void close() {
    db.close();
  }
}
