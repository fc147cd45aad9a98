package io.wayfinder.store.imports;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The bulk file formats Wayfinder imports. */
public enum ImportFormat {
  CSV, JSONL, XES, PARQUET;

  /** The format a file name implies ({@code .csv[.gz]}/{@code .tsv}, {@code .jsonl}/{@code .ndjson}, {@code .xes[.gz]}, {@code .parquet}). */
  public static Optional<ImportFormat> detect(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
    if (n.endsWith(".csv") || n.endsWith(".tsv")) return Optional.of(CSV);
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) return Optional.of(JSONL);
    if (n.endsWith(".xes")) return Optional.of(XES);
    if (n.endsWith(".parquet")) return Optional.of(PARQUET);
    return Optional.empty();
  }

  /** Parses {@code value} given as {@code setting} (the flag or parameter, named in the error). */
  public static ImportFormat parse(String value, String setting) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + ": '" + value + "' is not one of csv, jsonl, xes, parquet");
    }
  }
}
