package io.wayfinder.server.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.core.eventlog.ColumnMapping;
import io.wayfinder.store.imports.ImportFormat;
import io.wayfinder.store.imports.ImportSpec;
import io.wayfinder.store.imports.Importer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code POST /api/imports?filename=...&format=...}: the request body is the file. Used by
 * {@code wayfinder import --server}, since only the server process may open the data directory.
 * Query parameters mirror the CLI flags: {@code case}, {@code activity}, {@code timestamp},
 * {@code channelColumn}, {@code source}, {@code channel}, {@code onError=fail|skip}.
 */
public final class ImportRoutes {
  private final Importer importer;
  private final Path spool;

  public ImportRoutes(Importer importer, Path dataDir) {
    this.importer = importer;
    this.spool = dataDir.resolve("imports");
  }

  public void register(JavalinConfig config) {
    config.routes.post("/api/imports", this::importFile);
  }

  private void importFile(Context ctx) throws IOException {
    String filename = ctx.queryParam("filename");
    if (filename == null || filename.isBlank() || filename.contains("/") || filename.contains("\\")) {
      throw new IllegalArgumentException("filename: the file's name (no path), e.g. filename=orders.csv; it tells the format");
    }
    ImportFormat format = ctx.queryParam("format") == null ? ImportFormat.detect(Path.of(filename))
        : ImportFormat.parse(ctx.queryParam("format"));
    String onError = ctx.queryParam("onError") == null ? "fail" : ctx.queryParam("onError");
    if (!onError.equals("fail") && !onError.equals("skip")) throw new IllegalArgumentException("onError: fail or skip");
    ImportSpec d = ImportSpec.defaults();
    ImportSpec spec = new ImportSpec(format,
        ColumnMapping.of(ctx.queryParam("case"), ctx.queryParam("activity"), ctx.queryParam("timestamp")),
        param(ctx, "channelColumn", d.channelColumn()), param(ctx, "source", d.sourceName()),
        param(ctx, "channel", d.channel()), onError.equals("skip"), null);
    Files.createDirectories(spool);
    Path dir = Files.createTempDirectory(spool, "upload-");
    Path file = dir.resolve(filename);
    try (InputStream in = ctx.bodyInputStream()) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      ctx.json(importer.run(file, spec, n -> {}));
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  private static String param(Context ctx, String name, String dflt) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? dflt : v;
  }
}
