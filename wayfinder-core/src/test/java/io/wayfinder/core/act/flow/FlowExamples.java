package io.wayfinder.core.act.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** The example flow of docs/flows.md (every node type once) and the catalogue it is valid for. */
final class FlowExamples {
  static final FlowCatalogue CATALOGUE = new FlowCatalogue(
      Set.of("Order Completed", "Order Shipped", "Order Reviewed", "Unsubscribed"),
      Map.of("Order Completed", Set.of("total", "currency"), "Order Shipped", Set.of("carrier", "tracking"),
          "Order Reviewed", Set.of("stars"), "Unsubscribed", Set.of()),
      Set.of("firstName", "email", "plan", "timezone", "lastOffer"));

  private FlowExamples() {}

  static String orderCareText() {
    try (InputStream in = FlowExamples.class.getResourceAsStream("/flows/order-care.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example as a tree, to break one field at a time. */
  static ObjectNode orderCare() {
    try {
      return (ObjectNode) new ObjectMapper().readTree(orderCareText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node with this id inside a flow tree. */
  static ObjectNode node(ObjectNode flow, String id) {
    for (JsonNode n : flow.get("nodes")) {
      if (id.equals(n.path("id").asText())) {
        return (ObjectNode) n;
      }
    }
    throw new IllegalArgumentException(id);
  }
}
