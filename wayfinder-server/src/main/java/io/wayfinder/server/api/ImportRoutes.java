package io.wayfinder.server.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.core.eventlog.ColumnMapping;
import io.wayfinder.store.imports.ImportFormat;
import io.wayfinder.store.imports.ImportSettingNames;
import io.wayfinder.store.imports.ImportSpec;
import io.wayfinder.store.imports.Importer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * {@code POST /api/imports?filename=...&format=...}: the request body is the file. Used by
 * {@code wayfinder import} when a server holds the data directory. Query parameters mirror the
 * CLI flags: {@code case}, {@code activity}, {@code timestamp}, {@code channelColumn},
 * {@code source}, {@code channel}, {@code onError=fail|skip}. Answers and errors call the file by
 * its {@code filename} ("upload" without one), never by the path it was spooled to.
 */
public final class ImportRoutes {
  /** The query parameters, which are the import's own terms (so the importer's messages name them). */
  private static final ImportSettingNames PARAMETERS = ImportSettingNames.DEFAULT;

  private final Importer importer;
  private final Path spool;

  /** {@code importer} should name settings by {@link ImportSettingNames#DEFAULT}. */
  public ImportRoutes(Importer importer, Path dataDir) {
    this.importer = importer;
    this.spool = dataDir.resolve("imports");
  }

  public void register(JavalinConfig config) {
    config.routes.post("/api/imports", this::importFile);
  }

  private void importFile(Context ctx) throws IOException {
    String given = ctx.queryParam("filename");
    String filename = ClientFileName.of(given, "upload");
    String formatParam = ctx.queryParam(PARAMETERS.format());
    ImportFormat format = formatParam == null ? null : ImportFormat.parse(formatParam, PARAMETERS.format());
    String onError = ctx.queryParam("onError") == null ? "fail" : ctx.queryParam("onError");
    if (!onError.equals("fail") && !onError.equals("skip")) throw new IllegalArgumentException("onError: fail or skip");
    ImportSpec d = ImportSpec.defaults();
    ImportSpec spec = new ImportSpec(format,
        ColumnMapping.of(ctx.queryParam(PARAMETERS.customer()), ctx.queryParam(PARAMETERS.activity()),
            ctx.queryParam(PARAMETERS.timestamp())),
        param(ctx, "channelColumn", d.channelColumn()), param(ctx, PARAMETERS.source(), d.sourceName()),
        param(ctx, PARAMETERS.channel(), d.channel()), onError.equals("skip"), null);
    Files.createDirectories(spool);
    Path dir = Files.createTempDirectory(spool, "upload-");
    // the readers tell some formats by the extension (.xes, .gz), so an unnamed upload gets the format's
    Path file = dir.resolve(given == null && format != null ? filename + "." + format.name().toLowerCase(Locale.ROOT) : filename);
    try (InputStream in = ctx.bodyInputStream()) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      ctx.json(importer.run(file, filename, spec, n -> {}));
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
