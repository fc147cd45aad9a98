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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * imported exactly what DuckDB then counts under the input's own source, and a 4xx stores nothing.
 * Two clients post at once.
 *
 * <p>A failure names the input's number; its bytes are saved under {@code target/fuzz-failures}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// each input has its own 30 s limit (a hang); this bounds the whole run on a loaded machine
@Timeout(1500)
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
    // CSV a third of the inputs: its DuckDB path costs about twice the others per file
    Seed events = new Seed("jsonl", utf8(jsonl(csv)));
    Seed log = new Seed("xes", utf8(shortXes));
    return List.of(new Seed("csv", utf8(csv)), events, log, new Seed("csv", utf8(receipt)), events, log);
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

  /** One mutated file, from its own seeded generator, so any input can be rebuilt alone by its number. */
  private record Input(int number, String extension, String name, String query, byte[] body) {}

  private static Input input(int i, List<Seed> seeds) {
    Random rnd = new Random(SEED * 1_000_003 + i);
    Seed seed = seeds.get(i % seeds.size());
    byte[] body = rnd.nextInt(10) == 0 ? seed.bytes() : mutate(seed.bytes(), rnd);
    String name = "fuzz" + i + "." + seed.extension();
    int packing = rnd.nextInt(20);
    if (packing < 2) { // gzip, and half of those cut short
      body = Uploads.gzip(body);
      if (packing == 1) body = Arrays.copyOf(body, rnd.nextInt(body.length));
      name += ".gz";
    }
    // each input under a source of its own, so its events are counted exactly while others run
    String query = "filename=" + name + "&source=fuzz" + i + (rnd.nextBoolean() ? "&onError=skip" : "");
    return new Input(i, seed.extension(), name, query, body);
  }

  /** Imports one input and checks the answer; null when all is well, else what went wrong. */
  private String run(Input in, Map<String, long[]> timeByFormat, Map<Integer, Integer> statuses) throws IOException {
    long s0 = System.nanoTime();
    HttpResponse<String> r;
    try {
      r = uploads.post(in.query(), in.body(), PER_INPUT);
    } catch (UncheckedIOException e) {
      return save(in) + ": no answer within " + PER_INPUT + " (" + e.getCause() + ")";
    }
    long ms = (System.nanoTime() - s0) / 1_000_000;
    synchronized (statuses) {
      long[] f = timeByFormat.computeIfAbsent(in.extension(), k -> new long[3]);
      f[0] += ms;
      f[1]++;
      f[2] = Math.max(f[2], ms);
      statuses.merge(r.statusCode(), 1, Integer::sum);
    }
    String problem = check(r, uploads.storedEvents("fuzz" + in.number()));
    return problem == null ? null : save(in) + " (" + in.query() + "): " + problem;
  }

  @Test
  void mutatedFilesAreAnswered2xxOr4xxPromptlyAndStoreWhatTheyReport() throws Exception {
    List<Seed> seeds = seeds();
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, long[]> timeByFormat = new TreeMap<>(); // ms, inputs, slowest ms
    List<String> failures = new ArrayList<>();
    long t0 = System.nanoTime();
    // two clients at once: imports overlap their upload and reading, and meet in the one writer
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < INPUTS; i++) {
        int n = i;
        results.add(clients.submit(() -> run(input(n, seeds), timeByFormat, statuses)));
      }
      for (Future<String> f : results) {
        String problem = f.get();
        if (problem != null) failures.add(problem);
      }
    } finally {
      clients.shutdownNow();
    }
    System.out.printf("import fuzz: %d inputs in %.1f s, answers %s, failures %d%n", INPUTS,
        (System.nanoTime() - t0) / 1e9, statuses, failures.size());
    timeByFormat.forEach((k, v) -> System.out.printf("  %s: %d inputs, %d ms each on average, slowest %d ms%n",
        k, v[1], v[0] / v[1], v[2]));
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

  private static String save(Input in) {
    try {
      Path d = Files.createDirectories(Path.of("target", "fuzz-failures"));
      Files.write(d.resolve(in.name()), in.body());
    } catch (IOException e) {
      // the message below still names the input
    }
    return "input " + in.number() + " (" + in.name() + ", seed " + SEED + ")";
  }
}
