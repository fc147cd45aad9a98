package io.wayfinder.store.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.generate.JourneyCatalog;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.definition.CatalogDefinitions;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.core.journey.funnel.Funnel;
import io.wayfinder.core.journey.funnel.FunnelEngine;
import io.wayfinder.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JourneyStoreTest {
  @TempDir Path dir;

  private static final String YAML = """
      id: online_order
      name: Online order
      owner: E-commerce
      entryEvent: Product
      goalEvent: Order Completed
      abandonAfter: 14d
      stages:
        - name: Recognize
          touchpoints:
            - event: Product
            - event: Campaign Email Opened
              channel: email
        - name: Request
          touchpoints:
            - event: Checkout Started
            - event: Payment Failed
              properties: {journey: online_order}
            - event: Order Completed
      """;

  @Test
  void definitionsReadFromYamlAreStoredReplacedAndDeleted() throws Exception {
    Path file = dir.resolve("order.yaml");
    Files.writeString(file, YAML);
    List<JourneyDefinition> read = DefinitionFiles.read(file);
    assertThat(read).singleElement().satisfies(j -> {
      assertThat(j.stageNames()).containsExactly("Recognize", "Request");
      assertThat(j.stages().get(0).touchpoints().get(1).channel()).isEqualTo("email");
      assertThat(j.stages().get(1).touchpoints().get(1).properties()).containsEntry("journey", "online_order");
      assertThat(j.abandonTimeout().toDays()).isEqualTo(14);
    });
    try (Database db = Database.open(dir.resolve("data"))) {
      JourneyStore store = new JourneyStore(db);
      assertThat(store.put(read.get(0))).isTrue();
      assertThat(store.put(new JourneyDefinition("online_order", "Renamed", null, null, "Product", "Order Completed", "7d"))).isFalse();
      assertThat(store.list()).extracting(JourneyDefinition::name).containsExactly("Renamed");
    }
    try (Database db = Database.open(dir.resolve("data"))) {
      JourneyStore store = new JourneyStore(db);
      assertThat(store.find("online_order")).get().extracting(JourneyDefinition::abandonAfter).isEqualTo("7d");
      assertThat(store.delete("online_order")).isTrue();
      assertThat(store.list()).isEmpty();
    }
  }

  @Test
  void badDefinitionFilesNameTheField() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, YAML.replace("abandonAfter: 14d", "abandonAfter: soon"));
    assertThatThrownBy(() -> DefinitionFiles.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("abandonAfter");
    assertThatThrownBy(() -> DefinitionFiles.parse("{\"id\":\"x\"}".getBytes())).hasMessageContaining("entryEvent");
  }

  @Test
  void theGeneratorsCatalogFileLoadsAsDefinitions() throws Exception {
    Path file = dir.resolve("demo.jsonl.journeys.json");
    new com.fasterxml.jackson.databind.ObjectMapper().writeValue(file.toFile(), JourneyCatalog.generated());
    assertThat(DefinitionFiles.read(file)).isEqualTo(CatalogDefinitions.of(JourneyCatalog.generated()));
  }

  @Test
  void theIndexLoadedFromTheStoreHoldsEveryEventAndAnswersLikeTheInProcessOne() throws Exception {
    try (Database db = Database.open(dir.resolve("data"))) {
      GeneratedStore g = new GeneratedStore(db, dir, 150, 7);
      JourneyDataset loaded = new JourneyIndexLoader(db).load(java.util.Set.of("journey", "stage"));
      try (var c = db.connect(); var st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT profile_id), "
              + "count(*) FILTER (WHERE name = 'Survey Response') FROM events")) {
        rs.next();
        assertThat(loaded.eventCount()).isEqualTo(rs.getInt(1)).isEqualTo(g.inProcess.eventCount());
        assertThat(loaded.caseCount()).isEqualTo(rs.getInt(2)).isEqualTo(150);
        assertThat(loaded.surveys()).hasSize(rs.getInt(3)).isNotEmpty();
      }
      double revenue = 0;
      for (int c = 0; c < loaded.caseCount(); c++) revenue += loaded.customerValue(c);
      assertThat(revenue).isPositive();
      Funnel f = Funnel.of("Product", "Checkout Started", "Payment Submitted", "Order Completed", "Order Delivered");
      assertThat(new FunnelEngine(loaded).run(f)).isEqualTo(new FunnelEngine(g.inProcess).run(f));
      assertThat(loaded.channel().codeOf("call_centre")).isNotNegative();
      assertThat(loaded.property("journey").codeOf("home_loan")).isNotNegative();
    }
  }
}
