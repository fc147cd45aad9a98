package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clv fit|score} on the store and {@code churn train|score}, on a data directory and through a server. */
class PredictCommandsTest {
  @TempDir Path tmp;

  @Test
  void clvAndChurnOnTheStoreLocallyAndThroughAServer() throws Exception {
    String data = tmp.resolve("data").toString();
    Path events = tmp.resolve("demo.jsonl");
    assertThat(ClvCommandTest.run("generate", "--customers", "800", "--seed", "42", "--out", events.toString()).code()).isZero();
    assertThat(ClvCommandTest.run("import", events.toString(), "--data", data).code()).isZero();

    ClvCommandTest.Run fit = ClvCommandTest.run("clv", "fit", "--data", data, "--json");
    assertThat(fit.code()).as(fit.err()).isZero();
    JsonNode clv = Json.MAPPER.readTree(fit.out());
    assertThat(clv.path("run").path("version").asInt()).isEqualTo(1);
    assertThat(clv.path("run").path("params").path("alpha").asDouble()).isPositive();
    assertThat(clv.path("scored").asInt()).isEqualTo(800);

    ClvCommandTest.Run train = ClvCommandTest.run("churn", "train", "--data", data);
    assertThat(train.code()).as(train.err()).isZero();
    assertThat(train.out()).contains("churn model v1 (logistic)").contains("AUC").contains("high_value_at_risk");

    try (WayfinderServer server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, Path.of(data), "cli-token"))) {
      ClvCommandTest.Run score = ClvCommandTest.run("churn", "score", "--data", data, "--token", "cli-token", "--json");
      assertThat(score.code()).as(score.err()).isZero();
      assertThat(Json.MAPPER.readTree(score.out()).path("scored").asInt()).isEqualTo(800);
      ClvCommandTest.Run clvScore = ClvCommandTest.run("clv", "score", "--data", data, "--token", "cli-token");
      assertThat(clvScore.code()).as(clvScore.err()).isZero();
      assertThat(clvScore.out()).contains("clv model v1").contains("scored       800 profiles");
      ClvCommandTest.Run empty = ClvCommandTest.run("clv", "fit", "--data", data, "--token", "cli-token", "--since", "2031-01-01");
      assertThat(empty.code()).isNotZero();
      assertThat(empty.err()).contains("no purchases").contains("between 2031-01-01 and now");
    }
  }

  @Test
  void anEmptyStoreGivesClearErrors() {
    String data = tmp.resolve("empty").toString();
    // an empty store (a missing data directory is refused before any model runs: CommandOutputTest)
    io.wayfinder.store.Database.open(tmp.resolve("empty")).close();
    ClvCommandTest.Run fit = ClvCommandTest.run("clv", "fit", "--data", data);
    assertThat(fit.code()).isNotZero();
    assertThat(fit.err()).contains("no purchases: no 'Order Completed' events with properties.revenue");
    ClvCommandTest.Run train = ClvCommandTest.run("churn", "train", "--data", data);
    assertThat(train.err()).contains("no events");
    ClvCommandTest.Run score = ClvCommandTest.run("churn", "score", "--data", data);
    assertThat(score.err()).contains("no churn model yet");
    ClvCommandTest.Run both = ClvCommandTest.run("clv", "fit", "--store", "--transactions", "x.csv");
    assertThat(both.err()).contains("--store and --transactions exclude each other");
  }
}
