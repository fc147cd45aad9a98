package io.wayfinder.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.JsonSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of {@code POST /api/imports}: small CSV, JSONL and XES files cut from the shared
 * event logs, mutated byte by byte and by structure (bad UTF-8, NULs, quotes, broken markup,
 * years 1 to 9999, reserved column names, truncation, gzip and truncated gzip). Every answer is a
 * 2xx or a 4xx problem, never a 5xx; none takes longer than the per-input limit; a 2xx reports as
 * imported exactly what DuckDB then counts, and a 4xx stores nothing.
 *
 * <p>A failure names the input's number; its bytes are saved under {@code target/fuzz-failures}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
class ImportFuzzTest {
  private static final long SEED = 20261202L;
  /** 2,100 in the build; {@code -Dwayfinder.fuzz.inputs=N} for a longer run. */
  private static final int INPUTS = Integer.getInteger("wayfinder.fuzz.inputs", 2_100);
  private static final Duration PER_INPUT = Duration.ofSeconds(30);
  private static final String[] TOKENS = {"\0", "\"", ",", ";", "\t", "\n", "\r", "\r\n", "<", ">", "&", "&amp;", "&#0;",
      "]]>", "<!--", "{", "}", "[", "\\", "\\u0000", "\\ud800", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
      "1200-06-01 12:00:00", "1969-12-31T23:59:59Z", "2200-01-01T00:00:01Z", "2024-02-30T10:00:00Z", "rowid", "__wf_ts",
      "NaN", "-1", "null", "true", "\u00e9", "\ud83d\ude00", "'", "''", "case:concept:name", "<event>", "</trace>",
      "\"userId\":\"x\"", "\"type\":\"identify\"", "\"timestamp\":\"0001-01-01T00:00:00Z\""};
  private static final byte[] BYTES = {(byte) 0xE9, (byte) 0xFF, (byte) 0xC3, (byte) 0x80, (byte) 0xED, (byte) 0xA0, 0x00, 0x1B};
  private static final String[] YEARS = {"0001", "1200", "1969", "2201", "9999", "0000"};

  @TempDir static Path dir;
  Uploads uploads;

  @BeforeAll
  void start() {
    uploads = new Uploads(dir);
  }

  @AfterAll
  void stop() throws Exception {
    uploads.close();
  }

  private record Seed(String extension, byte[] bytes) {}

  private static List<Seed> seeds() {
    String csv = new String(Uploads.shared("eventlogs/running-example.csv"), StandardCharsets.UTF_8);
    String receipt = String.join("\n", Arrays.asList(
        new String(Uploads.shared("eventlogs/receipt.csv"), StandardCharsets.UTF_8).split("\n", 41)).subList(0, 40)) + "\n";
    String xes = new String(Uploads.shared("eventlogs/running-example.xes"), StandardCharsets.UTF_8);
    // the XES log cut to its first two traces, so each import stays small
    int cut = xes.indexOf("<trace>", xes.indexOf("</trace>"));
    String shortXes = xes.substring(0, xes.indexOf("</trace>", cut) + "</trace>".length()) + "\n</log>\n";
    return List.of(new Seed("csv", utf8(csv)), new Seed("csv", utf8(receipt)), new Seed("xes", utf8(shortXes)),
        new Seed("jsonl", utf8(jsonl(csv))));
  }

  /** The running example as Segment track messages, one per CSV row. */
  private static String jsonl(String csv) {
    StringBuilder out = new StringBuilder();
    String[] lines = csv.split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",");
      out.append("{\"type\":\"track\",\"event\":\"").append(f[1]).append("\",\"userId\":\"").append(f[7])
          .append("\",\"timestamp\":\"").append(f[3].replace(' ', 'T')).append("\",\"properties\":{\"resource\":\"")
          .append(f[2]).append("\",\"costs\":").append(f[6]).append("}}\n");
    }
    return out.toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] mutate(byte[] in, Random rnd) {
    byte[] b = in;
    int n = 1 + rnd.nextInt(3);
    for (int k = 0; k < n; k++) {
      int at = b.length == 0 ? 0 : rnd.nextInt(b.length);
      b = switch (rnd.nextInt(9)) {
        case 0 -> { // flip a byte
          byte[] c = b.clone();
          if (c.length > 0) c[at] = (byte) rnd.nextInt(256);
          yield c;
        }
        case 1 -> splice(b, at, 0, utf8(TOKENS[rnd.nextInt(TOKENS.length)]));
        case 2 -> splice(b, at, 0, new byte[] {BYTES[rnd.nextInt(BYTES.length)]});
        case 3 -> splice(b, at, Math.min(b.length - at, 1 + rnd.nextInt(200)), new byte[0]); // delete a range
        case 4 -> { // repeat a range
          int len = Math.min(b.length - at, 1 + rnd.nextInt(300));
          yield splice(b, at, 0, Arrays.copyOfRange(b, at, at + len));
        }
        case 5 -> Arrays.copyOf(b, at); // truncate
        case 6 -> years(b, rnd);
        case 7 -> splice(b, at, 0, utf8("a".repeat(1 + rnd.nextInt(3_000))));
        default -> splice(b, at, Math.min(b.length - at, rnd.nextInt(20)), utf8(TOKENS[rnd.nextInt(TOKENS.length)]));
      };
    }
    return b;
  }

  /** Replaces the years of some timestamps with ones outside 1970-2200 (or none at all). */
  private static byte[] years(byte[] b, Random rnd) {
    String s = new String(b, StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int i = s.indexOf("20"); i >= 0 && i + 5 <= s.length(); i = s.indexOf("20", i + 4)) {
      if (s.charAt(i + 4) == '-' && rnd.nextInt(4) == 0) {
        out.append(s, from, i).append(YEARS[rnd.nextInt(YEARS.length)]);
        from = i + 4;
      }
    }
    out.append(s.substring(from));
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
    out.write(b, 0, at);
    out.writeBytes(insert);
    out.write(b, at + remove, b.length - at - remove);
    return out.toByteArray();
  }

  @Test
  void mutatedFilesAreAnswered2xxOr4xxPromptlyAndStoreWhatTheyReport() throws Exception {
    Random rnd = new Random(SEED);
    List<Seed> seeds = seeds();
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, long[]> timeByFormat = new TreeMap<>(); // ms, inputs
    List<String> failures = new ArrayList<>();
    long slowest = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < INPUTS; i++) {
      Seed seed = seeds.get(i % seeds.size());
      byte[] body = rnd.nextInt(10) == 0 ? seed.bytes() : mutate(seed.bytes(), rnd);
      String name = "fuzz" + i + "." + seed.extension();
      int packing = rnd.nextInt(20);
      if (packing < 2) { // gzip, and half of those cut short
        body = Uploads.gzip(body);
        if (packing == 1) body = Arrays.copyOf(body, rnd.nextInt(body.length));
        name += ".gz";
      }
      String query = "filename=" + name + (rnd.nextBoolean() ? "&onError=skip" : "");
      long before = uploads.storedEvents();
      long s0 = System.nanoTime();
      HttpResponse<String> r;
      try {
        r = uploads.post(query, body, PER_INPUT);
      } catch (UncheckedIOException e) {
        failures.add(save(i, name, body) + ": no answer within " + PER_INPUT + " (" + e.getCause() + ")");
        break; // a hang: the next inputs would only queue behind it
      }
      long ms = (System.nanoTime() - s0) / 1_000_000;
      slowest = Math.max(slowest, ms);
      long[] f = timeByFormat.computeIfAbsent(seed.extension(), k -> new long[2]);
      f[0] += ms;
      f[1]++;
      long stored = uploads.storedEvents() - before;
      statuses.merge(r.statusCode(), 1, Integer::sum);
      String problem = check(r, stored);
      if (problem != null) failures.add(save(i, name, body) + " (" + query + "): " + problem);
    }
    System.out.printf("import fuzz: %d inputs in %.1f s, answers %s, slowest %d ms, failures %d%n", INPUTS,
        (System.nanoTime() - t0) / 1e9, statuses, slowest, failures.size());
    timeByFormat.forEach((k, v) -> System.out.printf("  %s: %d inputs, %d ms each on average%n", k, v[1], v[0] / v[1]));
    assertThat(failures).isEmpty();
    // the mutations reach both outcomes, or the test would prove little
    assertThat(statuses.getOrDefault(200, 0)).isGreaterThan(INPUTS / 10);
    assertThat(statuses.getOrDefault(400, 0)).isGreaterThan(INPUTS / 10);
  }

  /** What is wrong with answer {@code r} to an import that stored {@code stored} events, or null. */
  private static String check(HttpResponse<String> r, long stored) throws IOException {
    int status = r.statusCode();
    if (status >= 500 || status < 200 || (status >= 300 && status < 400)) return "status " + status + ": " + r.body();
    if (status >= 400) {
      if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
        return "a " + status + " without a problem+json body";
      }
      return stored == 0 ? null : "a " + status + " that stored " + stored + " events: " + r.body();
    }
    JsonNode body = JsonSupport.MAPPER.readTree(r.body());
    long imported = body.get("imported").asLong();
    return imported == stored ? null : "reported " + imported + " imported, DuckDB counts " + stored;
  }

  private static String save(int i, String name, byte[] body) {
    try {
      Path d = Files.createDirectories(Path.of("target", "fuzz-failures"));
      Files.write(d.resolve(name), body);
    } catch (IOException e) {
      // the message below still names the input
    }
    return "input " + i + " (" + name + ", seed " + SEED + ")";
  }
}
