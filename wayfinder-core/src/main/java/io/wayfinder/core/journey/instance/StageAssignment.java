package io.wayfinder.core.journey.instance;

import io.wayfinder.core.journey.dataset.Column;
import io.wayfinder.core.journey.dataset.EventTest;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.core.journey.definition.Stage;
import java.util.List;

/**
 * A journey definition resolved against one dataset: which stage (if any) each event belongs
 * to. The first stage whose touchpoints match wins; a stage without touchpoints matches on the
 * {@code journey} and {@code stage} properties.
 */
public final class StageAssignment {
  private final JourneyDataset data;
  private final JourneyDefinition definition;
  private final EventTest[][] touchpoints;
  private final int[] conventionStageCode;
  private final Column journeyColumn;
  private final Column stageColumn;
  private final int journeyCode;
  private final int entryActivity;
  private final int goalActivity;

  public StageAssignment(JourneyDataset data, JourneyDefinition definition) {
    this.data = data;
    this.definition = definition;
    List<Stage> stages = definition.stages();
    touchpoints = new EventTest[stages.size()][];
    conventionStageCode = new int[stages.size()];
    journeyColumn = data.property("journey");
    stageColumn = data.property("stage");
    journeyCode = journeyColumn == null ? -1 : journeyColumn.codeOf(definition.id());
    for (int s = 0; s < stages.size(); s++) {
      touchpoints[s] = stages.get(s).touchpoints().stream().map(data::compile).toArray(EventTest[]::new);
      conventionStageCode[s] = stageColumn == null ? -1 : stageColumn.codeOf(stages.get(s).name());
    }
    entryActivity = data.activityId(definition.entryEvent());
    goalActivity = data.activityId(definition.goalEvent());
  }

  public JourneyDefinition definition() {
    return definition;
  }

  public JourneyDataset data() {
    return data;
  }

  /** The stage number of event {@code i}, or -1 when it is not a touchpoint of this journey. */
  public int stageOf(int i) {
    for (int s = 0; s < touchpoints.length; s++) {
      EventTest[] tests = touchpoints[s];
      if (tests.length == 0) {
        if (journeyCode >= 0 && conventionStageCode[s] >= 0 && journeyColumn.code(i) == journeyCode
            && stageColumn.code(i) == conventionStageCode[s]) {
          return s;
        }
        continue;
      }
      for (EventTest t : tests) if (t.test(i)) return s;
    }
    return -1;
  }

  public boolean isEntry(int i) {
    return entryActivity >= 0 && data.activity(i) == entryActivity;
  }

  public boolean isGoal(int i) {
    return goalActivity >= 0 && data.activity(i) == goalActivity;
  }

  public int stageCount() {
    return touchpoints.length;
  }
}
