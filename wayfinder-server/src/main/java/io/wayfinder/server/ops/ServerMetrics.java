package io.wayfinder.server.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.ToDoubleFunction;

/** The server's Prometheus metrics: ingest counts and rates, rejects, request latencies. */
public final class ServerMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter eventsAccepted;
  private final Counter duplicates;
  private final DistributionSummary batchSize;

  public ServerMetrics() {
    eventsAccepted = Counter.builder("wayfinder.ingest.events").description("events committed by the collection API")
        .register(registry);
    duplicates = Counter.builder("wayfinder.ingest.duplicates").description("messages skipped as already seen (messageId)")
        .register(registry);
    batchSize = DistributionSummary.builder("wayfinder.ingest.batch.size").description("messages per collection request")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
  }

  public void accepted(int events, int dupes, int messages) {
    eventsAccepted.increment(events);
    duplicates.increment(dupes);
    batchSize.record(messages);
  }

  public void rejected(int status) {
    Counter.builder("wayfinder.ingest.rejects").tag("status", String.valueOf(status))
        .description("collection requests refused").register(registry).increment();
  }

  public void request(String route, String method, int status, long nanos) {
    Timer.builder("wayfinder.http.requests").tag("route", route).tag("method", method)
        .tag("status", String.valueOf(status)).publishPercentiles(0.5, 0.99)
        .register(registry).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  public <T> void gauge(String name, String description, T obj, ToDoubleFunction<T> f) {
    io.micrometer.core.instrument.Gauge.builder(name, obj, f).description(description).register(registry);
  }

  public String scrape() {
    return registry.scrape();
  }
}
