package io.wayfinder.store.imports;

import java.nio.file.Path;
import java.util.Locale;

/** The bulk file formats Wayfinder imports. */
public enum ImportFormat {
  CSV, JSONL, XES, PARQUET;

  /** The format a file name implies ({@code .csv[.gz]}, {@code .jsonl}/{@code .ndjson}, {@code .xes[.gz]}, {@code .parquet}). */
  public static ImportFormat detect(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
    if (n.endsWith(".csv") || n.endsWith(".tsv")) return CSV;
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) return JSONL;
    if (n.endsWith(".xes")) return XES;
    if (n.endsWith(".parquet")) return PARQUET;
    throw new IllegalArgumentException(file + ": cannot tell the format from the file name; "
        + "use --format csv|jsonl|xes|parquet");
  }

  public static ImportFormat parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("format: '" + s + "' is not one of csv, jsonl, xes, parquet");
    }
  }
}
