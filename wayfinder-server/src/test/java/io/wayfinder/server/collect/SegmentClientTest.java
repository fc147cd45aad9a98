package io.wayfinder.server.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.AliasMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.TestServer;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official Segment Java library, pointed at a real server on loopback. */
class SegmentClientTest {
  @TempDir Path dir;

  @Test
  void everyEventFromTheSegmentLibraryLandsOnceOnTheRightProfile() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      String key = t.writeKey("website", "web");
      int expected = 7;
      CountDownLatch done = new CountDownLatch(expected);
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      Analytics analytics = Analytics.builder(key).endpoint(t.base).flushQueueSize(3)
          .callback(new Callback() {
            @Override public void success(Message m) { done.countDown(); }
            @Override public void failure(Message m, Throwable e) { failures.add(e); done.countDown(); }
          }).build();
      analytics.enqueue(PageMessage.builder("Home").anonymousId("anon-42"));
      analytics.enqueue(TrackMessage.builder("Product Viewed").anonymousId("anon-42").properties(Map.of("sku", "A1")));
      analytics.enqueue(IdentifyMessage.builder().userId("cust-7").anonymousId("anon-42")
          .traits(Map.of("email", "ann@example.com", "plan", "gold")));
      analytics.enqueue(TrackMessage.builder("Order Completed").userId("cust-7").properties(Map.of("revenue", 99.5)));
      analytics.enqueue(PageMessage.builder("Phone home").anonymousId("phone-1"));
      analytics.enqueue(AliasMessage.builder("phone-1").userId("cust-7"));
      analytics.enqueue(TrackMessage.builder("Support Call").userId("someone-else").properties(Map.of("channel", "call_centre")));
      analytics.flush();
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
      analytics.shutdown();
      assertThat(failures).isEmpty();

      // A Node-style batch with Basic auth, and a retry of the same messages: no duplicates.
      String batch = """
          {"batch":[{"type":"track","event":"Email Opened","userId":"cust-7","messageId":"nb-1"},
                    {"type":"track","event":"Review Written","anonymousId":"phone-1","messageId":"nb-2"}],
           "context":{"library":{"name":"analytics-node"}}}""";
      assertThat(t.post("/v1/batch", key, batch).statusCode()).isEqualTo(200);
      assertThat(t.post("/v1/batch", key, batch).statusCode()).isEqualTo(200);

      JsonNode profile = JsonSupport.MAPPER.readTree(t.api("GET", "/api/profiles/cust-7", null).body());
      assertThat(profile.get("eventCount").asLong()).isEqualTo(8);
      assertThat(profile.get("traits").get("plan").asText()).isEqualTo("gold");
      assertThat(profile.get("identities").toString()).contains("anon-42", "phone-1", "ann@example.com");
      JsonNode stats = JsonSupport.MAPPER.readTree(t.api("GET", "/api/stats", null).body());
      assertThat(stats.get("events").asLong()).isEqualTo(9);
      assertThat(stats.get("profiles").asLong()).isEqualTo(2);
      assertThat(stats.get("sources").asLong()).isEqualTo(1);
      try (var c = t.server.database().connect(); var st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(DISTINCT message_id), count(*) FROM events")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2));
      }
    }
  }
}
