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

  /** Every event as "customer|event|micros|channel|touchpoint|revenue", in the index's order. */
  private static List<String> rows(JourneyDataset d) {
    List<String> out = new java.util.ArrayList<>();
    for (int c = 0; c < d.caseCount(); c++) {
      for (int i = d.index().caseStart(c); i < d.index().caseStart(c + 1); i++) {
        out.add(d.index().caseName(c) + "|" + d.eventName(i) + "|" + d.index().timeColumn()[i] + "|" + d.channel().value(i)
            + "|" + d.touchpoint().value(i) + "|" + d.revenue(i));
      }
    }
    return out;
  }

  /** The same from SQL: customers by profile id, events by time, then row id (load order). */
  private static List<String> rowsBySql(Database db) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    try (var c = db.connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT coalesce(n.name, CAST(e.profile_id AS VARCHAR)), coalesce(e.name, e.type), epoch_us(e.ts), e.channel, e.touchpoint, "
            + "CASE WHEN e.name = 'Order Completed' THEN TRY_CAST(e.properties->>'revenue' AS DOUBLE) END "
            + "FROM events e LEFT JOIN (SELECT profile_id, min(value) AS name FROM identities WHERE kind = 'user_id' GROUP BY ALL) n "
            + "ON n.profile_id = e.profile_id ORDER BY e.profile_id, e.ts, e.rowid")) {
      while (rs.next()) {
        double r = rs.getDouble(6);
        out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getString(4) + "|" + rs.getString(5)
            + "|" + (rs.wasNull() ? Double.NaN : r));
      }
    }
    return out;
  }

  @Test
  void theLoadedIndexEqualsTheOneBuiltInMemoryAndTheStoresOwnOrderWithGapsInRowIdsAndSparseProfileIds() throws Exception {
    try (Database db = Database.open(dir.resolve("data"))) {
      GeneratedStore g = new GeneratedStore(db, dir, 120, 11);
      JourneyDataset loaded = new JourneyIndexLoader(db, 0).load(java.util.Set.of());
      assertThat(rows(new JourneyIndexLoader(db).load(java.util.Set.of()))).isEqualTo(rows(loaded));
      // customers are numbered differently (profile id order vs first appearance): compare by name
      assertThat(rows(loaded)).containsExactlyInAnyOrderElementsOf(rows(g.inProcess));
      assertThat(rows(loaded)).isEqualTo(rowsBySql(db)).hasSize(g.inProcess.eventCount());
      assertThat(loaded.surveys()).hasSameSizeAs(g.inProcess.surveys());
      try (var c = db.connect(); var st = c.createStatement()) {
        // row ids with gaps: load positions are no longer row ids
        st.execute("DELETE FROM events WHERE rowid % 97 = 5");
        assertThat(rows(new JourneyIndexLoader(db, 0).load(java.util.Set.of()))).isEqualTo(rowsBySql(db));
        // profile ids far apart: no id-indexed array
        st.execute("UPDATE events SET profile_id = profile_id * 1000000007");
        st.execute("UPDATE identities SET profile_id = profile_id * 1000000007");
        JourneyDataset sparse = new JourneyIndexLoader(db, 0).load(java.util.Set.of());
        assertThat(rows(sparse)).isEqualTo(rowsBySql(db));
        assertThat(sparse.caseCount()).isEqualTo(120);
      }
    }
  }
}
