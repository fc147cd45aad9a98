package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.store.imports.ImportSettingNames;
import io.wayfinder.store.imports.ImportSpec;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** A running server, through its management API. */
final class RemoteBackend implements Backend {
  private final String base;
  private final String token;
  private final HttpClient http = HttpClient.newHttpClient();

  RemoteBackend(String base, String token) {
    this.base = base.replaceAll("/+$", "");
    this.token = token;
  }

  @Override public JsonNode stats() { return call("GET", "/api/stats", null); }
  @Override public JsonNode sources() { return call("GET", "/api/sources", null); }
  @Override public JsonNode profiles(int limit) { return call("GET", "/api/profiles?limit=" + limit, null); }

  @Override
  public JsonNode subjectExport(String subjectType, String id) {
    return call("GET", "/api/subjects/" + encode(id) + "/export?subjectType=" + encode(subjectType), null);
  }

  @Override
  public JsonNode regulate(String type, String subjectType, java.util.List<String> ids) {
    return post("/api/regulations", Json.MAPPER.valueToTree(Map.of("regulationType", type, "subjectType", subjectType, "subjectIds", ids)));
  }

  @Override
  public JsonNode createSource(String name, String channel) {
    Map<String, String> body = Map.of("name", name, "channel", channel);
    try {
      return call("POST", "/api/sources", HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public JsonNode newSigningSecret(String source) {
    return call("POST", "/api/sources/" + encode(source) + "/signing-secret", HttpRequest.BodyPublishers.noBody());
  }

  @Override
  public JsonNode profile(String ref, int timeline) {
    return call("GET", "/api/profiles/" + encode(ref) + "?timeline=" + timeline, null);
  }

  /**
   * Sends the file under its name only. The server's errors name that and its query parameters;
   * they are told back about the path the user gave and in the CLI's flags, so the line printed is
   * the one a local import prints.
   */
  @Override
  public JsonNode importFile(Path file, ImportSpec spec, ProgressBar progress) {
    ImportSettingNames p = ImportSettingNames.DEFAULT; // the server's query parameters
    Map<String, String> q = new LinkedHashMap<>();
    q.put("filename", file.getFileName().toString());
    if (spec.format() != null) q.put(p.format(), spec.format().name().toLowerCase(Locale.ROOT));
    q.put(p.customer(), spec.mapping().caseColumn());
    q.put(p.activity(), spec.mapping().activityColumn());
    q.put(p.timestamp(), spec.mapping().timestampColumn());
    q.put("channelColumn", spec.channelColumn());
    q.put(p.source(), spec.sourceName());
    q.put(p.channel(), spec.channel());
    q.put("onError", spec.skipBadRows() ? "skip" : "fail");
    String query = q.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    UnaryOperator<String> reword = m -> p.reword(m, ImportCommand.FLAGS);
    try {
      JsonNode result = call("POST", "/api/imports?" + query, HttpRequest.BodyPublishers.ofFile(file));
      return ((ObjectNode) result).put("file", file.toString());
    } catch (java.io.FileNotFoundException e) {
      throw new CliException(file + ": no such file");
    } catch (RemoteProblem problem) {
      throw problem.asLocal(file.toString(), reword);
    }
  }

  @Override
  public JsonNode importFeedback(Path file, ObjectNode request) {
    ObjectNode named = request.deepCopy().put("filename", file.getFileName().toString());
    try {
      return call("POST", "/api/feedback", HttpRequest.BodyPublishers.ofString(named.toString()));
    } catch (RemoteProblem problem) {
      throw problem.asLocal(file.toString(), UnaryOperator.identity());
    }
  }

  @Override
  public JsonNode saveJourney(JsonNode definition) {
    return call("PUT", "/api/journeys/" + encode(definition.path("id").asText()), body(definition));
  }

  @Override public JsonNode journeys() { return call("GET", "/api/journeys", null); }

  @Override
  public String journeyMap(String id, String format) {
    return send("GET", "/api/journeys/" + encode(id) + "/map?format=" + encode(format), null);
  }

  @Override public JsonNode funnel(JsonNode spec) { return call("POST", "/api/funnels", body(spec)); }

  @Override public JsonNode retention(JsonNode query) { return call("POST", "/api/retention", body(query)); }

  @Override
  public JsonNode painPoints(String journey) {
    return call("GET", "/api/painpoints" + (journey == null ? "" : "?journey=" + encode(journey)), null);
  }

  private static HttpRequest.BodyPublisher body(JsonNode json) {
    return HttpRequest.BodyPublishers.ofString(json.toString());
  }

  @Override public JsonNode clvFit(JsonNode request) { return post("/api/clv/fit", request); }
  @Override public JsonNode clvScore(JsonNode request) { return post("/api/clv/score", request); }
  @Override public JsonNode churnTrain(JsonNode request) { return post("/api/churn/train", request); }
  @Override public JsonNode churnScore(JsonNode request) { return post("/api/churn/score", request); }

  /** A flow API call (flows run in the server, so only a remote backend has them). */
  JsonNode flowApi(String method, String path, String body) {
    return call(method, path, body == null ? null : HttpRequest.BodyPublishers.ofString(body));
  }

  private JsonNode post(String path, JsonNode body) {
    return call("POST", path, HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  private JsonNode call(String method, String path, HttpRequest.BodyPublisher body) {
    String text = send(method, path, body);
    try {
      return text.isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new CliException("the server at " + base + " answered with invalid JSON: " + e.getMessage());
    }
  }

  /** The body of a successful answer; a problem answer becomes a {@link RemoteProblem}. */
  private String send(String method, String path, HttpRequest.BodyPublisher body) {
    HttpRequest req = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/octet-stream")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body).build();
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 400) {
        JsonNode json = r.body().isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(r.body());
        throw new RemoteProblem(r.statusCode(), json.path("detail").asText(r.body()), json.get("errors"));
      }
      return r.body();
    } catch (ConnectException e) {
      throw new CliException("cannot reach the server at " + base + " (is `wayfinder serve` running?)");
    } catch (IOException e) {
      throw new CliException("request to " + base + path + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {}
}
