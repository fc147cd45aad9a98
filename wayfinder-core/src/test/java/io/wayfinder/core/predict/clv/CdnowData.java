package io.wayfinder.core.predict.clv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.core.predict.clv.summary.CohortSummary;
import io.wayfinder.core.predict.clv.summary.PurchaseFileReader;
import io.wayfinder.core.predict.clv.summary.PurchaseFileReader.Layout;
import io.wayfinder.core.predict.clv.summary.SummaryBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The CDNOW benchmark files in {@code ../shared/data/cdnow} (found by walking up from the working
 * directory; {@code -Dwayfinder.shared=DIR} overrides). Tests fail, not skip, when it is missing:
 * CI runs with {@code ../shared} beside the clone.
 */
public final class CdnowData {
  public static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  public static final LocalDate OBSERVATION_END = LocalDate.of(1998, 6, 30);

  private static JsonNode reference;

  private CdnowData() {}

  public static Path dir() {
    String override = System.getProperty("wayfinder.shared");
    if (override != null) return Path.of(override, "data", "cdnow");
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data").resolve("cdnow");
      if (Files.isDirectory(candidate)) return candidate;
    }
    throw new IllegalStateException("../shared/data/cdnow not found above " + Path.of("").toAbsolutePath());
  }

  public static Path file(String name) {
    return dir().resolve(name);
  }

  /** reference-values.json. */
  public static synchronized JsonNode reference() {
    if (reference == null) {
      try {
        reference = new ObjectMapper().readTree(file("reference-values.json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return reference;
  }

  /** The reference entry of {@code model} whose source starts with {@code sourcePrefix}. */
  public static JsonNode fit(String model, String sourcePrefix) {
    for (JsonNode r : reference().path("references")) {
      if (r.path("model").asText().equals(model) && r.path("source").asText().startsWith(sourcePrefix)) return r;
    }
    throw new IllegalArgumentException("no reference fit " + model + " / " + sourcePrefix);
  }

  /** The raw transaction log (cdnowElog.csv) through the summary builder, in weeks. */
  public static CohortSummary rawSummary(int roundDecimals) {
    SummaryBuilder b = SummaryBuilder.calibrationEnd(CALIBRATION_END).observationEnd(OBSERVATION_END).roundTo(roundDecimals);
    try {
      PurchaseFileReader.read(file("cdnowElog.csv"), Layout.DEFAULT.withColumns("sampleid", "date", "sales"), b::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.build();
  }

  /** Rows of a small CSV file with a header, split on commas. */
  public static List<String[]> csv(String name) {
    try {
      return Files.readAllLines(file(name)).stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
