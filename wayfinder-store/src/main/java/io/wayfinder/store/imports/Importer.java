package io.wayfinder.store.imports;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.collect.Source;
import io.wayfinder.core.collect.WriteReceipt;
import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.core.eventlog.EventLogReaders;
import io.wayfinder.core.eventlog.ImportLimits;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.sources.SourceStore;
import io.wayfinder.core.eventlog.Utf8Lines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Imports a bulk file into the event store. One thread reads and validates rows while the
 * store's writer appends them; the whole file is one transaction, so by default a bad row
 * leaves nothing behind. When skipping bad rows, each one goes to the reject file with its line
 * and reason.
 */
public final class Importer {
  private static final int CHUNK = 8192;
  private static final int KEPT_REJECTS = 100;

  private final EventWriter writer;
  private final SourceStore sources;
  private final ImportSettingNames names;
  private final ImportLimits limits;

  /** An importer whose messages name the settings as {@code names} spells them, within {@code limits}. */
  public Importer(EventWriter writer, SourceStore sources, ImportSettingNames names, ImportLimits limits) {
    this.writer = writer;
    this.sources = sources;
    this.names = names;
    this.limits = limits;
  }

  /** An importer whose messages name the settings as {@code names} spells them. */
  public Importer(EventWriter writer, SourceStore sources, ImportSettingNames names) {
    this(writer, sources, names, ImportLimits.current());
  }

  public Importer(EventWriter writer, SourceStore sources) {
    this(writer, sources, ImportSettingNames.DEFAULT);
  }

  /** Imports {@code file}, named in results and errors as its path; see {@link #run(Path, String, ImportSpec, LongConsumer)}. */
  public ImportResult run(Path file, ImportSpec spec, LongConsumer progress) {
    return run(file, file.toString(), spec, progress);
  }

  /**
   * Imports {@code file}; {@code progress} receives the number of rows read so far, now and then.
   * The result and every error call the file {@code name}, the name its user knows: a server
   * imports an upload from its own spool directory, whose path is none of the client's business.
   */
  public ImportResult run(Path file, String name, ImportSpec spec, LongConsumer progress) {
    FileLabel label = new FileLabel(file, name);
    try {
      return label.apply(runAt(file, spec, progress));
    } catch (EventLogException e) {
      throw label.apply(e);
    }
  }

  private ImportResult runAt(Path file, ImportSpec spec, LongConsumer progress) {
    long start = System.nanoTime();
    ImportFormat format = spec.format() != null ? spec.format() : ImportFormat.detect(file).orElseThrow(() ->
        new EventLogException(file.toString(), 0, null, "cannot tell the format from the file name; give it with "
            + ImportSettingNames.refer(names.format()) + " (csv, jsonl, xes or parquet)"));
    if (SourceStore.nameProblem(spec.sourceName()) != null) {
      throw new IllegalArgumentException(names.source() + ": " + SourceStore.nameProblem(spec.sourceName()));
    }
    if (SourceStore.channelProblem(spec.channel()) != null) {
      throw new IllegalArgumentException(names.channel() + ": " + SourceStore.channelProblem(spec.channel()));
    }
    Source source = sources.getOrCreate(spec.sourceName(), spec.channel());
    List<ImportResult.Reject> kept = new ArrayList<>();
    if (SqlTableImport.handles(format)) return runSql(file, format, spec, source, kept, start, progress);
    long[] counts = new long[2]; // rows, rejected
    Set<String> customers = new HashSet<>();
    try (Rows rows = open(file, format, spec, source); RejectFile rejects = RejectFile.open(spec.rejectFile())) {
      ChunkPipe pipe = new ChunkPipe(4, limits.stall());
      boolean[] ended = new boolean[1];
      Thread reader = new Thread(() -> pipe.produce(() -> {
        List<CollectedMessage> chunk = new ArrayList<>(CHUNK);
        // a chunk ends after CHUNK rows read, accepted or not, or after a fraction of the stall
        // limit: a slow stretch (a run of rejected rows, a starved CPU) must still reach the writer
        // in time, or it would take the reader for stuck
        long due = System.nanoTime() + limits.stall().toNanos() / 5;
        for (int read = 0; read < CHUNK && !ended[0] && ((read & 63) != 63 || System.nanoTime() < due); read++) {
          CollectedMessage m;
          try {
            m = rows.next();
          } catch (EventLogException e) {
            counts[0]++;
            // a broken document (bad XML, a truncated gzip) has no next row: skipping it would loop forever
            if (!spec.skipBadRows() || e.fatal()) throw e;
            counts[1]++;
            rejects.write(e);
            if (kept.size() < KEPT_REJECTS) kept.add(new ImportResult.Reject(e.line(), e.field(), e.reason()));
            continue;
          }
          if (m == null) {
            ended[0] = true;
            break;
          }
          counts[0]++;
          chunk.add(m);
          customers.add(rows.lastCustomer());
          if (counts[0] % 100_000 == 0) progress.accept(counts[0]);
        }
        return ended[0] && chunk.isEmpty() ? null : chunk;
      }), "wayfinder-import-reader");
      reader.setDaemon(true);
      reader.start();
      WriteReceipt r;
      try {
        // the first rows are awaited here, not in the writer: a file that fails at once never reaches it
        pipe.awaitFirst();
        r = writer.writeAll(pipe);
      } finally {
        pipe.cancel();
      }
      progress.accept(counts[0]);
      double seconds = (System.nanoTime() - start) / 1e9;
      return new ImportResult(file.toString(), format.name().toLowerCase(), counts[0], r.written(), counts[1],
          r.duplicates(), r.newProfiles(), customers.size(), seconds,
          spec.rejectFile() == null ? null : spec.rejectFile().toString(), List.copyOf(kept));
    }
  }

  private ImportResult runSql(Path file, ImportFormat format, ImportSpec spec, Source source,
      List<ImportResult.Reject> kept, long start, LongConsumer progress) {
    if (!Files.isRegularFile(file)) throw new EventLogException(file.toString(), 0, null, "no such file");
    try (RejectFile rejects = RejectFile.open(spec.rejectFile())) {
      SqlTableImport sql = new SqlTableImport(file.toAbsolutePath(), format, spec, names, source.name(),
          source.channel(), rejects, kept, limits.maxLineBytes());
      WriteReceipt r = writer.runBulk(sql::run);
      progress.accept(sql.rows);
      return new ImportResult(file.toString(), format.name().toLowerCase(), sql.rows, r.written(), sql.rejected,
          sql.duplicates, r.newProfiles(), sql.customers, (System.nanoTime() - start) / 1e9,
          spec.rejectFile() == null ? null : spec.rejectFile().toString(), List.copyOf(kept));
    }
  }

  private Rows open(Path file, ImportFormat format, ImportSpec spec, Source source) {
    int maxLineBytes = limits.maxLineBytes();
    String name = file.toString();
    return switch (format) {
      case CSV, XES -> new LogEventRows(EventLogReaders.open(file, spec.mapping(), limits), spec.channelColumn(),
          source.channel(), source.name());
      case PARQUET -> {
        if (!Files.exists(file)) throw new EventLogException(name, 0, null, "no such file");
        yield new LogEventRows(new ParquetEventLogReader(name, spec.mapping()), spec.channelColumn(),
            source.channel(), source.name());
      }
      case JSONL -> {
        try {
          var in = Files.newInputStream(file);
          var decoded = name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
          // strict UTF-8 as the collection API: a Latin-1 byte is an error, not a stored U+FFFD
          yield new JsonlRows(name, new Utf8Lines(decoded, name, maxLineBytes), source);
        } catch (IOException e) {
          throw new EventLogException(name, 0, null, Files.exists(file) ? "cannot read: " + e.getMessage() : "no such file");
        }
      }
    };
  }
}
