package io.wayfinder.server.flow;

import java.time.Duration;

/**
 * How actions are delivered. Read from system properties (or the environment variables named in
 * docs/flows.md), so a deployment sets its SMTP server without code.
 *
 * @param maxAttempts attempts per action before it becomes a dead letter
 * @param firstBackoff the wait after the first failed attempt; each next wait is {@code multiplier} times longer, with ±50 % jitter
 * @param webhookTimeout how long one webhook attempt may take (a receiver that hangs fails the attempt)
 */
public record FlowSettings(String smtpHost, int smtpPort, String mailFrom, int maxAttempts, Duration firstBackoff,
    double multiplier, Duration webhookTimeout, int deliveryThreads) {

  public static FlowSettings fromEnvironment() {
    return new FlowSettings(
        get("wayfinder.smtp.host", "WAYFINDER_SMTP_HOST", "127.0.0.1"),
        Integer.parseInt(get("wayfinder.smtp.port", "WAYFINDER_SMTP_PORT", "25")),
        get("wayfinder.mail.from", "WAYFINDER_MAIL_FROM", "wayfinder@localhost"),
        Integer.parseInt(get("wayfinder.flows.maxAttempts", "WAYFINDER_FLOWS_MAX_ATTEMPTS", "6")),
        Duration.parse(get("wayfinder.flows.firstBackoff", "WAYFINDER_FLOWS_FIRST_BACKOFF", "PT2S")),
        Double.parseDouble(get("wayfinder.flows.backoffMultiplier", "WAYFINDER_FLOWS_BACKOFF_MULTIPLIER", "2")),
        Duration.parse(get("wayfinder.flows.webhookTimeout", "WAYFINDER_FLOWS_WEBHOOK_TIMEOUT", "PT10S")),
        Integer.parseInt(get("wayfinder.flows.deliveryThreads", "WAYFINDER_FLOWS_DELIVERY_THREADS", "16")));
  }

  private static String get(String property, String env, String fallback) {
    String v = System.getProperty(property);
    if (v == null) v = System.getenv(env);
    return v == null || v.isBlank() ? fallback : v;
  }
}
