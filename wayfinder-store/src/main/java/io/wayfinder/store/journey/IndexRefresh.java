package io.wayfinder.store.journey;

import io.wayfinder.core.journey.dataset.Column;
import io.wayfinder.core.journey.dataset.ColumnChange;
import io.wayfinder.core.journey.dataset.DatasetChange;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.index.IndexChange;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a loaded journey index up to date with what was written since, without reading the
 * log again: the appended events are read (a few rows) and merged into the index's sorted runs,
 * profile merges move the merged customers' events to the survivors, and the names and traits
 * of the customers concerned are read again. The result equals a fresh load of the store at the
 * same version (tested); a full load is left for what is not an append.
 */
final class IndexRefresh {
  private static final Logger log = LoggerFactory.getLogger(IndexRefresh.class);
  /** Appending more than this share of the loaded events is left to a full load, which reads them encoded by DuckDB. */
  private static final int MAX_APPENDED_SHARE = 4;
  /** ... but a refresh of this many events always beats a full load. */
  private static final int MIN_MAX_APPENDED = 200_000;

  private IndexRefresh() {}

  /** The index brought up to date, or null when only a full load can (or is cheaper). */
  static LoadedIndex refresh(Database db, LoadedIndex loaded) {
    long maxAppended = Math.max(MIN_MAX_APPENDED, loaded.version().events() / MAX_APPENDED_SHARE);
    long t0 = System.nanoTime();
    LogDelta delta;
    try (Connection c = db.connect()) {
      delta = LogDelta.read(c, loaded, maxAppended);
    } catch (SQLException e) {
      throw new StoreException("cannot read what was written to the event log since the journey index was loaded: " + e.getMessage(), e);
    }
    if (delta == null) return null;
    long t1 = System.nanoTime();
    LoadedIndex refreshed = apply(loaded, delta);
    log.debug("journey index refreshed: {} events appended, {} merges, {} profiles touched; read {} ms, folded in {} ms",
        delta.events().count(), delta.merges().size(), delta.touched().length, (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    return refreshed;
  }

  static LoadedIndex apply(LoadedIndex loaded, LogDelta delta) {
    JourneyDataset data = loaded.data();
    JourneyIndex index = data.index();
    AppendedEvents events = delta.events();
    CaseRenumbering cases = CaseRenumbering.of(loaded.caseProfiles(), events.profiles(), delta.merges());

    String[] names = new String[cases.profiles().length];
    for (int c = 0; c < names.length; c++) names[c] = cases.ownOld()[c] < 0 ? null : index.caseName(cases.ownOld()[c]);
    Map<Integer, Map<String, String>> traits = new HashMap<>();
    for (long p : delta.touched()) {
      int c = cases.caseOf(p);
      if (c < 0) continue; // merged away, or a profile without events
      names[c] = delta.names().nameOf(p);
      traits.put(c, delta.traits().getOrDefault(p, Map.of()));
    }

    String[][] text = events.text();
    String[] activities = new String[index.activityCount()];
    for (int a = 0; a < activities.length; a++) activities[a] = index.activityName(a);
    ColumnChange activity = SortedDictionary.grow(new Column(activities, new int[0]), text[0]);
    IndexChange indexChange = new IndexChange(names, cases.caseOfOld(), activity.values(), activity.recode(),
        cases.appendedCase(), activity.appended(), events.micros());

    List<String> keys = loaded.keys().stream().sorted().toList();
    Map<String, ColumnChange> properties = new HashMap<>();
    for (int k = 0; k < keys.size(); k++) properties.put(keys.get(k), SortedDictionary.grow(data.property(keys.get(k)), text[3 + k]));
    Map<String, Column> oldTraits = new HashMap<>();
    for (String t : data.traitKeys()) oldTraits.put(t, data.trait(t));

    JourneyDataset updated = data.updated(new DatasetChange(indexChange,
        SortedDictionary.grow(data.channel(), text[1]), SortedDictionary.grow(data.touchpoint(), text[2]), properties,
        events.revenue(), events.surveys(), TraitColumns.updated(oldTraits, cases.ownOld(), traits)));
    return new LoadedIndex(delta.version(), true, loaded.keys(), updated, cases.profiles());
  }
}
