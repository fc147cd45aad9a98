package io.wayfinder.core.act.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a flow definition from JSON or YAML and validates it. Nodes are read one by one, so one
 * bad node does not hide the problems of the others; every problem names the node id and field.
 */
public final class FlowReader {
  /** The node types, as written in {@code "type"}. */
  public static final List<String> NODE_TYPES = List.of(FlowNode.class
      .getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value()).stream()
      .map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::name).toList();

  private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
  private static final ObjectMapper YAML = configure(new YAMLMapper());

  private FlowReader() {}

  private static ObjectMapper configure(ObjectMapper m) {
    return m.registerModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
  }

  /** Reads JSON text and validates it. @throws InvalidFlowException naming every problem */
  public static FlowDefinition readJson(String text, FlowCatalogue catalogue) {
    return read(JSON, text, catalogue);
  }

  /** Reads YAML text and validates it. @throws InvalidFlowException naming every problem */
  public static FlowDefinition readYaml(String text, FlowCatalogue catalogue) {
    return read(YAML, text, catalogue);
  }

  /** The definition as JSON, in the form {@link #readJson} reads. */
  public static String toJson(FlowDefinition flow) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(flow);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FlowDefinition read(ObjectMapper mapper, String text, FlowCatalogue catalogue) {
    JsonNode tree;
    try {
      tree = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw invalid(null, null, (loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ")
          + "not valid " + (mapper == JSON ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw invalid(null, null, "a flow definition is an object with id, version and nodes");
    }
    List<FlowProblem> problems = new ArrayList<>();
    ObjectNode header = ((ObjectNode) tree).deepCopy();
    JsonNode nodesJson = header.remove("nodes");
    FlowDefinition flow = null;
    try {
      flow = mapper.treeToValue(header, FlowDefinition.class);
    } catch (JsonProcessingException e) {
      problems.add(new FlowProblem(null, fieldOf(e), describe(e)));
    }
    List<FlowNode> nodes = new ArrayList<>();
    if (nodesJson == null || !nodesJson.isArray()) {
      problems.add(new FlowProblem(null, "nodes", "is required: an array of nodes"));
    } else {
      for (int i = 0; i < nodesJson.size(); i++) {
        node(mapper, nodesJson.get(i), i, nodes, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidFlowException(problems);
    }
    return FlowValidator.requireValid(flow.withNodes(nodes), catalogue);
  }

  private static void node(ObjectMapper mapper, JsonNode json, int index, List<FlowNode> nodes, List<FlowProblem> problems) {
    String id = json.path("id").isTextual() ? json.get("id").textValue() : null;
    String node = id;
    String where = id != null ? null : "nodes[" + index + "]";
    try {
      if (!json.isObject()) {
        throw new IllegalArgumentException("a node is an object with id and type");
      }
      if (!json.path("type").isTextual()) {
        problems.add(new FlowProblem(node, prefix(where, "type"), "is required, one of " + String.join(", ", NODE_TYPES)));
        return;
      }
      nodes.add(mapper.treeToValue(json, FlowNode.class));
    } catch (InvalidTypeIdException e) {
      problems.add(new FlowProblem(node, prefix(where, "type"), "unknown node type \"" + json.get("type").textValue()
          + "\" (known: " + String.join(", ", NODE_TYPES) + ")"));
    } catch (JsonProcessingException e) {
      problems.add(new FlowProblem(node, prefix(where, fieldOf(e)), describe(e)));
    } catch (IllegalArgumentException e) {
      problems.add(new FlowProblem(node, where, e.getMessage()));
    }
  }

  private static String prefix(String where, String field) {
    return where == null ? field : field == null ? where : where + "." + field;
  }

  /** The field path of a mapping error, e.g. {@code cases[0].when}. */
  private static String fieldOf(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String describe(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field (known: " + u.getKnownPropertyIds().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(", ")) + ")";
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      // Jackson names Java types; a flow author needs the JSON shape
      String got = e instanceof InvalidFormatException f ? "; got " + JSON.valueToTree(f.getValue()) : "";
      return "expects " + expected(m.getTargetType()) + got;
    }
    return "wrong value: " + e.getOriginalMessage();
  }

  private static String expected(Class<?> type) {
    if (type == Duration.class) {
      return "an ISO-8601 duration such as \"PT30M\", \"PT24H\" or \"P3D\"";
    }
    if (type == LocalTime.class) {
      return "a time of day such as \"09:00\"";
    }
    if (type == Instant.class) {
      return "an instant such as \"2026-01-05T09:00:00Z\"";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> JSON.valueToTree(c).asText())
          .collect(Collectors.joining(", "));
    }
    if (List.class.isAssignableFrom(type)) {
      return "an array";
    }
    return type == String.class ? "a string" : "an object";
  }

  private static InvalidFlowException invalid(String node, String field, String message) {
    return new InvalidFlowException(List.of(new FlowProblem(node, field, message)));
  }
}
