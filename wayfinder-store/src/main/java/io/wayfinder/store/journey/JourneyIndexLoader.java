package io.wayfinder.store.journey;

import io.wayfinder.core.journey.dataset.Column;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads the columnar journey index (and the dataset's attribute columns) from the event store.
 * DuckDB does the dictionary encoding: each text column is cast to an ENUM of its distinct
 * values and read as {@code enum_code}, so Java reads primitive columns only, in the store's
 * insertion order (row id order; it breaks timestamp ties). Cases are customers (resolved profiles),
 * named by their user id when they have one.
 *
 * <p>A load reads the rows below the tables' counts at its start, so a row written meanwhile is
 * left to the next refresh ({@link IndexRefresh}) rather than half read.
 */
public final class JourneyIndexLoader {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JourneyIndexLoader.class);
  private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_:.-]{1,64}");

  /** Row-range scans at once: DuckDB and the JDBC reads of one scan keep about one core busy. */
  private static final int SCANS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
  /** Below this many events one scan reads them all. */
  private static final int PARALLEL_ROWS = 200_000;

  private final Database db;
  private final int parallelRows;

  public JourneyIndexLoader(Database db) {
    this(db, PARALLEL_ROWS);
  }

  /** With another threshold for scanning row ranges in parallel; tests use 0 to split small stores. */
  JourneyIndexLoader(Database db, int parallelRows) {
    this.db = db;
    this.parallelRows = parallelRows;
  }

  /**
   * Loads every event, with these event properties as columns. Reading properties costs a JSON
   * parse per event (most of the load time on large logs), so only the keys asked for are read.
   *
   * <p>The scan of the events is split into row ranges read on their own connections at once;
   * the customers' names and the revenue and survey events (a query filtered by name, so DuckDB
   * reads the JSON properties of those rows only) are read beside it.
   */
  public JourneyDataset load(Set<String> propertyKeys) {
    return loadIndex(propertyKeys).data();
  }

  /** As {@link #load}, with what was loaded, for refreshing it later. */
  LoadedIndex loadIndex(Set<String> propertyKeys) {
    List<String> keys = propertyKeys.stream().sorted().toList();
    for (String k : keys) {
      if (!KEY.matcher(k).matches()) throw new IllegalArgumentException("property '" + k + "': expected 1-64 of A-Z a-z 0-9 _ : . -");
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return loadOnce(keys);
      } catch (LoadRaced e) {
        // only when row ids are not dense (a log with deletions) or a merge moved events to a new profile id mid-load
        if (attempt == 3) throw new StoreException("cannot load the journey index: " + e.getMessage(), e);
        log.debug("journey index load raced a write ({}); loading again", e.getMessage());
      }
    }
  }

  private LoadedIndex loadOnce(List<String> keys) {
    String tag = Long.toHexString(System.nanoTime());
    List<String> types = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(SCANS + 2);
    long t0 = System.nanoTime();
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      // the version and the row ranges from one snapshot: the load reads the rows below the counts
      c.setAutoCommit(false);
      LogVersion version = LogVersion.read(st);
      EventRows rows = EventRows.of(st);
      boolean appendable = rows.denseRowIds() && version.denseRowIds(st);
      c.commit();
      c.setAutoCommit(true);
      st.execute("SET preserve_insertion_order = true");
      int n = rows.count();
      Future<CustomerNames> names = pool.submit(() -> {
        try (Connection own = db.connect(); Statement s = own.createStatement()) {
          return CustomerNames.read(s, appendable ? LogVersion.below(version.identities()) : "true");
        }
      });
      Future<RevenueAndSurveys> extras = pool.submit(() -> {
        try (Connection own = db.connect()) {
          return RevenueAndSurveys.read(own, rows);
        }
      });
      List<String> exprs = textColumns(keys);
      List<String[]> dictionaries = new ArrayList<>();
      List<String> codeExprs = new ArrayList<>();
      for (int k = 0; k < exprs.size(); k++) {
        // an ENUM per text column: DuckDB encodes it in the scan, enum_code gives the dictionary index
        String type = "wf_" + tag + "_" + k;
        st.execute("CREATE TYPE " + type + " AS ENUM (SELECT DISTINCT " + exprs.get(k) + " AS v FROM events WHERE v IS NOT NULL AND "
            + rows.loaded() + " ORDER BY 1)");
        types.add(type);
        dictionaries.add(dictionary(st, "SELECT unnest(enum_range(NULL::" + type + "))"));
        codeExprs.add("coalesce(CAST(enum_code(CAST(" + exprs.get(k) + " AS " + type + ")) AS INTEGER), -1)");
      }
      long tDict = System.nanoTime();
      int[] caseOf = new int[n];
      long[] profileOf = rows.compactProfiles() ? null : new long[n];
      long[] micros = new long[n];
      int[][] codes = new int[exprs.size()][n];
      EventScan scan = new EventScan(rows, codeExprs, caseOf, profileOf, micros, codes);
      int parts = rows.denseRowIds() && n >= parallelRows ? SCANS : 1;
      List<Future<?>> scans = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        int from = (int) ((long) n * p / parts);
        int to = (int) ((long) n * (p + 1) / parts);
        scans.add(pool.submit(() -> {
          try (Connection own = db.connect()) {
            scan.read(own, from, to);
          }
          return null;
        }));
      }
      for (Future<?> f : scans) get(f);
      long tScan = System.nanoTime();
      CustomerNames customers = get(names);
      long tNames = System.nanoTime();
      CaseNames cases = rows.compactProfiles() ? CaseNames.ofOffsets(caseOf, rows, customers) : CaseNames.ofIds(profileOf, caseOf, customers);
      String[] acts = dictionaries.get(0);
      Map<String, Column> props = new HashMap<>();
      for (int k = 0; k < keys.size(); k++) props.put(keys.get(k), new Column(dictionaries.get(3 + k), codes[3 + k]));
      Column channels = new Column(dictionaries.get(1), codes[1]);
      Column touchpoints = new Column(dictionaries.get(2), codes[2]);
      JourneyIndex index = JourneyIndexBuilder.fromColumns(cases.names, caseOf, acts, codes[0], null, null, micros);
      long tIndex = System.nanoTime();
      RevenueAndSurveys rs = get(extras);
      long tExtras = System.nanoTime();
      Map<String, Column> traits = TraitColumns.read(st, appendable ? LogVersion.below(version.traits()) : "true", cases.profiles);
      long tTraits = System.nanoTime();
      JourneyDataset d = JourneyDataset.ofLoadOrder(index, channels, touchpoints, props, rs.revenue(), rs.surveys(), traits);
      long tEnd = System.nanoTime();
      log.debug("journey index loaded: {} events, {} cases, {} property columns in {} ms: dictionaries (DuckDB) {}, "
          + "scan (DuckDB + JDBC reads) {}, then waiting for customer names {}, index build (Java) {}, then waiting for revenue and surveys {}, "
          + "traits {}, dataset columns (Java) {}", n, index.caseCount(), keys.size(), ms(tEnd - t0), ms(tDict - t0),
          ms(tScan - tDict), ms(tNames - tScan), ms(tIndex - tNames), ms(tExtras - tIndex), ms(tTraits - tExtras), ms(tEnd - tTraits));
      return new LoadedIndex(version, appendable, Set.copyOf(keys), d, cases.profiles);
    } catch (SQLException e) {
      throw new StoreException("cannot load the journey index: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
      dropTypes(types);
    }
  }

  /** SQL of the text columns read per event: activity (name, else type), channel, touchpoint, then each property. */
  static List<String> textColumns(List<String> keys) {
    List<String> exprs = new ArrayList<>(List.of("coalesce(name, type)", "channel", "touchpoint"));
    for (String k : keys) exprs.add("json_extract_string(properties, '$.\"" + k + "\"')");
    return exprs;
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  private static <T> T get(Future<T> f) throws SQLException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while loading the journey index", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException s) throw s;
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new StoreException("cannot load the journey index: " + e.getCause(), e.getCause());
    }
  }

  private void dropTypes(List<String> types) {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      for (String t : types) st.execute("DROP TYPE IF EXISTS " + t);
    } catch (SQLException e) {
      throw new StoreException("cannot drop the loader's enum types: " + e.getMessage(), e);
    }
  }

  private static String[] dictionary(Statement st, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out.toArray(String[]::new);
  }
}
