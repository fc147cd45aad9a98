package io.wayfinder.store.journey;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.core.journey.funnel.Funnel;
import io.wayfinder.core.journey.funnel.FunnelEngine;
import io.wayfinder.core.journey.funnel.FunnelReport;
import io.wayfinder.core.journey.retention.CohortDefinition;
import io.wayfinder.core.journey.retention.CohortMembers;
import io.wayfinder.core.journey.retention.RetentionEngine;
import io.wayfinder.core.journey.retention.RetentionQuery;
import io.wayfinder.core.journey.retention.RetentionReport;
import io.wayfinder.store.Database;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Saved cohorts and retention over the store's journey index: a cohort is checked against the
 * event log before it is saved, and a saved cohort filters retention and funnels alike.
 */
public final class RetentionAnalytics {
  private final JourneyAnalytics journeys;
  private final CohortStore cohorts;

  public RetentionAnalytics(Database db, JourneyAnalytics journeys) {
    this.journeys = journeys;
    this.cohorts = new CohortStore(db);
  }

  public CohortStore cohorts() {
    return cohorts;
  }

  /**
   * Saves the cohort after checking that its events, channel and journey exist, so a cohort that
   * can match nobody by a typo is refused (nothing is written); true when it was new.
   */
  public boolean save(CohortDefinition c) {
    JourneyDataset d = journeys.dataset(c.did() == null ? Set.of() : c.did().properties().keySet());
    CohortMembers.checkKnown(d, c);
    journey(c);
    return cohorts.put(c);
  }

  /** The members of a saved cohort, per case id of {@code d}. */
  public boolean[] members(JourneyDataset d, String cohortId) {
    if (cohortId == null) return null;
    CohortDefinition c = cohorts.find(cohortId)
        .orElseThrow(() -> new IllegalArgumentException("cohort: no saved cohort '" + cohortId + "'"));
    return CohortMembers.of(d, c, journey(c));
  }

  /** The members' count of a saved cohort now. */
  public int size(String cohortId) {
    int n = 0;
    for (boolean b : members(journeys.dataset(), cohortId)) if (b) n++;
    return n;
  }

  public RetentionReport retention(RetentionQuery q) {
    Set<String> keys = new java.util.HashSet<>();
    if (q.start() != null) keys.addAll(q.start().properties().keySet());
    if (q.returning() != null) keys.addAll(q.returning().properties().keySet());
    JourneyDataset d = journeys.dataset(keys);
    Map<String, boolean[]> entered = null;
    if (q.breakdown().equals("journey")) {
      entered = new LinkedHashMap<>();
      for (JourneyDefinition j : journeys.definitions().list()) entered.put(j.id(), CohortMembers.entered(d, j));
    }
    return new RetentionEngine(d).run(q, members(d, q.cohort()), entered);
  }

  /** The funnel over the members of a saved cohort only. */
  public FunnelReport funnel(Funnel f, String cohortId) {
    JourneyDataset d = journeys.dataset(PropertyKeys.of(f));
    return new FunnelEngine(d, members(d, cohortId)).run(f);
  }

  private JourneyDefinition journey(CohortDefinition c) {
    if (c.journey() == null) return null;
    return journeys.definitions().find(c.journey())
        .orElseThrow(() -> new IllegalArgumentException("journey: no journey '" + c.journey() + "'"));
  }
}
