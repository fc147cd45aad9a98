package io.wayfinder.store.journey;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.Segment;
import io.wayfinder.core.journey.dataset.Slices;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.core.journey.discovery.DiscoveryEngine;
import io.wayfinder.core.journey.discovery.DiscoveryQuery;
import io.wayfinder.core.journey.discovery.DiscoveryResult;
import io.wayfinder.core.journey.funnel.Funnel;
import io.wayfinder.core.journey.funnel.FunnelEngine;
import io.wayfinder.core.journey.funnel.FunnelReport;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.instance.InstanceFilter;
import io.wayfinder.core.journey.instance.InstanceFinder;
import io.wayfinder.core.journey.instance.InstanceIndex;
import io.wayfinder.core.journey.instance.InstanceQuery;
import io.wayfinder.core.journey.instance.InstanceTrace;
import io.wayfinder.core.journey.instance.JourneyInstance;
import io.wayfinder.core.journey.instance.StageAssignment;
import io.wayfinder.core.journey.map.JourneyMap;
import io.wayfinder.core.journey.map.JourneyMapBuilder;
import io.wayfinder.core.journey.map.StepCustomers;
import io.wayfinder.core.journey.painpoints.PainPoint;
import io.wayfinder.core.journey.painpoints.PainPointDetector;
import io.wayfinder.core.journey.painpoints.PainPointReport;
import io.wayfinder.core.journey.painpoints.PainPointSettings;
import io.wayfinder.core.journey.paths.PathEngine;
import io.wayfinder.core.journey.paths.PathQuery;
import io.wayfinder.core.journey.paths.PathReport;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Journey analytics over the store: keeps the loaded journey index in memory, and answers
 * definitions, instances, discovery, maps, funnels, paths and pain points. Shared by the REST
 * API and the CLI's local mode, so both answer the same.
 *
 * <p>Every query sees every event committed before it started. When the log changed since the
 * index was loaded, the query first brings the index up to date: appended events and profile
 * merges are folded in ({@link IndexRefresh}: a few rows read, the columns copied), anything
 * else (rows removed, a property column not loaded yet) loads it again. Refreshes run one at a
 * time; a query waits for the one under way, then runs on an index nobody modifies (a refresh
 * builds a new one), so queries never see a half-built index.
 */
public final class JourneyAnalytics {
  private final Database db;
  private final JourneyStore definitions;
  private LoadedIndex loaded;
  private long fullLoads;
  private long refreshes;

  /** How often the index was loaded whole and brought up to date since this was created. */
  public record IndexLoads(long fullLoads, long refreshes) {}

  /** A page of instances and how many matched. */
  public record InstancePage(int total, List<JourneyInstance> instances) {}

  public JourneyAnalytics(Database db) {
    this.db = db;
    this.definitions = new JourneyStore(db);
  }

  public JourneyStore definitions() {
    return definitions;
  }

  /** The journey index with the properties the stored definitions need. */
  public JourneyDataset dataset() {
    return dataset(Set.of());
  }

  /**
   * The journey index of the current event log with at least these property columns (and those
   * the stored definitions use): brought up to date when the log changed, loaded again when
   * only that can (or a column is missing).
   */
  public synchronized JourneyDataset dataset(Set<String> propertyKeys) {
    Set<String> keys = new HashSet<>(propertyKeys);
    for (JourneyDefinition j : definitions.list()) keys.addAll(PropertyKeys.of(j));
    LogVersion now = version();
    if (loaded != null && loaded.keys().containsAll(keys)) {
      if (loaded.version().equals(now)) return loaded.data();
      LoadedIndex next = IndexRefresh.refresh(db, loaded);
      if (next != null) {
        loaded = next;
        refreshes++;
        return loaded.data();
      }
    }
    // a column missing on an unchanged log: keep the loaded ones too, the next query may want them again
    if (loaded != null && loaded.version().equals(now)) keys.addAll(loaded.keys());
    loaded = new JourneyIndexLoader(db).loadIndex(keys);
    fullLoads++;
    // a merge committed during the load may have moved some of a customer's events before the
    // scan read them and others after: folding it in now puts them all in one case again
    if (loaded.appendable() && loaded.version().merges() != version().merges()) {
      LoadedIndex next = IndexRefresh.refresh(db, loaded);
      if (next != null) {
        loaded = next;
        refreshes++;
      }
    }
    return loaded.data();
  }

  /** Drops the loaded index (rows were deleted, which a refresh cannot fold in): the next query loads it again. */
  public synchronized void forget() {
    loaded = null;
  }

  /** How often the index was loaded whole and brought up to date. */
  public synchronized IndexLoads loads() {
    return new IndexLoads(fullLoads, refreshes);
  }

  private LogVersion version() {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      return LogVersion.read(st);
    } catch (java.sql.SQLException e) {
      throw new StoreException("cannot read the event log version: " + e.getMessage(), e);
    }
  }

  public InstancePage instances(JourneyDefinition j, InstanceQuery q, int limit) {
    return instances(j, q, null, limit);
  }

  /** Instances matching {@code q}; {@code channel} (may be null) keeps those with an event on it, as the map. */
  public InstancePage instances(JourneyDefinition j, InstanceQuery q, String channel, int limit) {
    JourneyDataset d = dataset();
    StageAssignment a = new StageAssignment(d, j);
    if (q.stage() != null && !j.stageNames().contains(q.stage())) {
      throw new IllegalArgumentException("stage: journey " + j.id() + " has stages " + j.stageNames());
    }
    List<InstanceTrace> traces = new InstanceFilter(null, null, channel, null).apply(d, new InstanceFinder(a).find(null));
    List<JourneyInstance> all = traces.stream().map(t -> JourneyInstance.of(a, t))
        .filter(q::accepts).toList();
    return new InstancePage(all.size(), all.subList(0, Math.min(limit, all.size())));
  }

  /**
   * Discovery over a slice: the period and segment as a discovery query; a channel keeps only
   * that channel's events; a journey makes each of its instances a case.
   */
  public DiscoveryResult discover(DiscoveryQuery q, JourneyDefinition journey, String channel, String segment) {
    JourneyDataset d = dataset();
    DiscoveryQuery query = q;
    if (segment != null) query = query.onlyCases(members(d, Segment.parse(segment)));
    IntPredicate keep = channel == null ? i -> true : Slices.onChannel(d, channel);
    JourneyIndex index;
    if (journey != null) {
      List<InstanceTrace> instances = new InstanceFinder(new StageAssignment(d, journey)).find(null);
      if (segment != null) {
        Set<String> cases = query.cases();
        instances = instances.stream().filter(t -> cases.contains(d.index().caseName(t.caseId()))).toList();
        query = new DiscoveryQuery(query.from(), query.to(), query.activities(), null, query.classifier());
      }
      index = InstanceIndex.of(d, instances, keep);
    } else {
      index = channel == null ? d.index() : Slices.events(d, keep);
    }
    return new DiscoveryEngine(index).discover(query);
  }

  /** The customers (case names) of a segment {@code trait=value}. */
  public Set<String> segmentMembers(String segment) {
    return members(dataset(), Segment.parse(segment));
  }

  private static Set<String> members(JourneyDataset d, Segment s) {
    boolean[] in = s.members(d);
    Set<String> out = new HashSet<>();
    for (int c = 0; c < in.length; c++) if (in[c]) out.add(d.index().caseName(c));
    return out;
  }

  public JourneyMap map(JourneyDefinition j) {
    return map(j, InstanceFilter.ALL);
  }

  /** The map of the instances {@code filter} keeps. */
  public JourneyMap map(JourneyDefinition j, InstanceFilter filter) {
    return new JourneyMapBuilder(new StageAssignment(dataset(), j)).build(null, filter);
  }

  /** The distinct customers at one step of the map drawn with {@code filter}. */
  public StepCustomers stepCustomers(JourneyDefinition j, InstanceFilter filter, String event, int limit) {
    JourneyDataset d = dataset();
    return StepCustomers.of(d, filter.apply(d, new InstanceFinder(new StageAssignment(d, j)).find(null)), event, limit);
  }

  public FunnelReport funnel(Funnel f) {
    return new FunnelEngine(dataset(PropertyKeys.of(f))).run(f);
  }

  public List<String> funnelCustomers(Funnel f, int step, boolean droppedOff, int limit) {
    return new FunnelEngine(dataset(PropertyKeys.of(f))).customers(f, step, droppedOff, limit);
  }

  /** Paths through sessions, or through a journey's instances (filtered by period and segment as its map). */
  public PathReport paths(PathQuery q) {
    JourneyDataset d = dataset(q.properties().keySet());
    if (q.journey() == null) return new PathEngine(d).run(q);
    JourneyDefinition j = definitions.find(q.journey())
        .orElseThrow(() -> new IllegalArgumentException("journey: no journey '" + q.journey() + "'"));
    List<InstanceTrace> instances = new InstanceFilter(q.from(), q.to(), null, q.segment())
        .apply(d, new InstanceFinder(new StageAssignment(d, j)).find(null));
    return new PathEngine(d).run(q, instances.stream().map(InstanceTrace::events).toList());
  }

  public List<PainPoint> painPoints(String journeyId) {
    return painPoints(journeyId, InstanceFilter.ALL).painPoints();
  }

  /** Pain points of the instances {@code filter} keeps, with their value at stake counted once per customer. */
  public PainPointReport painPoints(String journeyId, InstanceFilter filter) {
    return new PainPointDetector(dataset(), definitions.list(), PainPointSettings.DEFAULT).detect(journeyId, null, filter);
  }
}
