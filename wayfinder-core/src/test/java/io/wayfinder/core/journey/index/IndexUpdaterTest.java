package io.wayfinder.core.journey.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.journey.dataset.Column;
import io.wayfinder.core.journey.dataset.ColumnChange;
import io.wayfinder.core.journey.dataset.DatasetChange;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.SurveyAnswer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IndexUpdaterTest {

  /**
   * A random log split into a loaded part and an appended part; with {@code renumber}, some old
   * cases merged into others and new cases numbered before and between old ones, else new cases
   * after the old ones (old cases keep their numbers: {@code caseOfOld} null); new activities
   * sorted into the dictionary, and many equal timestamps.
   */
  private record Scenario(
      String[] oldCases, int[] oldCaseOf, String[] oldActivities, int[] oldActivityOf, long[] oldTime,
      String[] cases, int[] caseOfOld, String[] activities, int[] activityOfOld,
      int[] caseOf, int[] activityOf, long[] time) {

    static Scenario random(long seed) {
      return random(seed, true);
    }

    static Scenario random(long seed, boolean renumber) {
      Random r = new Random(seed);
      int oldCaseCount = 1 + r.nextInt(40);
      int n = r.nextInt(400);
      int m = r.nextInt(60);
      String[] oldActivities = {"b", "d", "f"};
      String[] activities = {"a", "b", "c", "d", "f", "g"};
      int[] activityOfOld = {1, 3, 4};
      // new case ids: old case c is case 2c+1, unless merged into an earlier surviving old case;
      // the even ids between are new cases
      String[] oldCases = IntStream.range(0, oldCaseCount).mapToObj(c -> "old" + c).toArray(String[]::new);
      int[] into = new int[oldCaseCount];
      for (int c = 0; c < oldCaseCount; c++) into[c] = renumber && c > 0 && r.nextInt(5) == 0 ? into[r.nextInt(c)] : c;
      List<String> cases = new ArrayList<>();
      int[] newIdOfSurvivor = new int[oldCaseCount];
      for (int c = 0; c < oldCaseCount; c++) {
        if (renumber && r.nextBoolean()) cases.add("new" + c);
        if (into[c] == c) {
          newIdOfSurvivor[c] = cases.size();
          cases.add("old" + c);
        }
      }
      if (!renumber) for (int c = 0; c < oldCaseCount; c++) if (r.nextBoolean()) cases.add("new" + c);
      int[] caseOfOld = new int[oldCaseCount];
      for (int c = 0; c < oldCaseCount; c++) caseOfOld[c] = newIdOfSurvivor[into[c]];
      int[] oldCaseOf = new int[n];
      int[] oldActivityOf = new int[n];
      long[] oldTime = new long[n];
      for (int i = 0; i < n; i++) {
        // every old case has an event, as in a store
        oldCaseOf[i] = i < oldCaseCount ? i : r.nextInt(oldCaseCount);
        oldActivityOf[i] = r.nextInt(oldActivities.length);
        oldTime[i] = r.nextInt(50);
      }
      int[] caseOf = new int[m];
      int[] activityOf = new int[m];
      long[] time = new long[m];
      for (int d = 0; d < m; d++) {
        caseOf[d] = r.nextInt(cases.size());
        activityOf[d] = r.nextInt(activities.length);
        time[d] = r.nextInt(60);
      }
      return new Scenario(oldCases, oldCaseOf, oldActivities, oldActivityOf, oldTime, cases.toArray(String[]::new),
          caseOfOld, activities, activityOfOld, caseOf, activityOf, time);
    }

    JourneyIndex old() {
      return JourneyIndexBuilder.fromColumns(oldCases, oldCaseOf, oldActivities, oldActivityOf, null, null, oldTime);
    }

    IndexChange change() {
      boolean same = IntStream.range(0, caseOfOld.length).allMatch(c -> caseOfOld[c] == c);
      return new IndexChange(cases, same ? null : caseOfOld, activities, activityOfOld, caseOf, activityOf, time);
    }

    /** Every event in load order under the new ids: the index a full load builds. */
    JourneyIndex full() {
      int n = oldTime.length;
      int[] allCases = new int[n + caseOf.length];
      int[] allActivities = new int[n + caseOf.length];
      for (int i = 0; i < n; i++) {
        allCases[i] = caseOfOld[oldCaseOf[i]];
        allActivities[i] = activityOfOld[oldActivityOf[i]];
      }
      System.arraycopy(caseOf, 0, allCases, n, caseOf.length);
      System.arraycopy(activityOf, 0, allActivities, n, caseOf.length);
      long[] allTimes = new long[n + caseOf.length];
      System.arraycopy(oldTime, 0, allTimes, 0, n);
      System.arraycopy(time, 0, allTimes, n, caseOf.length);
      return JourneyIndexBuilder.fromColumns(cases, allCases, activities, allActivities, null, null, allTimes);
    }
  }

  @Test
  void anIndexWithAppendedEventsAndMergedCasesEqualsOneBuiltFromAllEvents() {
    for (long seed = 0; seed < 300; seed++) {
      Scenario s = Scenario.random(seed);
      assertSameIndex(IndexUpdater.apply(s.old(), s.change()).index(), s.full());
    }
  }

  @Test
  void anIndexWithAppendedEventsOfOldAndNewCasesEqualsOneBuiltFromAllEvents() {
    for (long seed = 0; seed < 300; seed++) {
      Scenario s = Scenario.random(seed, false);
      assertThat(s.change().caseOfOldCase()).isNull();
      assertSameIndex(IndexUpdater.apply(s.old(), s.change()).index(), s.full());
    }
  }

  @Test
  void theOldIndexIsLeftAsItWas() {
    Scenario s = Scenario.random(7);
    JourneyIndex old = s.old();
    JourneyIndex again = s.old();
    IndexUpdater.apply(old, s.change());
    assertSameIndex(old, again);
  }

  @Test
  void anAppendedEventAtTheSameTimeAsAnOldOneComesAfterIt() {
    JourneyIndex old = JourneyIndexBuilder.fromColumns(new String[] {"ann"}, new int[] {0, 0},
        new String[] {"a", "b"}, new int[] {0, 1}, null, null, new long[] {5, 9});
    JourneyIndex updated = IndexUpdater.apply(old, new IndexChange(new String[] {"ann"}, null,
        new String[] {"a", "b", "c"}, null, new int[] {0, 0}, new int[] {2, 0}, new long[] {9, 1})).index();
    assertThat(IntStream.range(0, 4).mapToObj(i -> updated.activityName(updated.classActivity(updated.eventClassColumn()[i]))))
        .containsExactly("a", "a", "b", "c");
    assertThat(updated.positionColumn()).containsExactly(3, 0, 1, 2);
  }

  @Test
  void appendedEventsReferringOutsideTheDictionariesAreRefused() {
    JourneyIndex old = Scenario.random(1).old();
    assertThatThrownBy(() -> IndexUpdater.apply(old, new IndexChange(new String[] {"x"}, new int[old.caseCount()],
        new String[] {"b", "d", "f"}, null, new int[] {1}, new int[] {0}, new long[] {0})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appended event 0");
  }

  @Test
  void datasetColumnsRevenueAndSurveysFollowTheirEventsIntoTheUpdatedOrder() {
    for (long seed = 0; seed < 100; seed++) {
      Scenario s = Scenario.random(seed);
      Random r = new Random(seed);
      int n = s.oldTime.length;
      int m = s.time.length;
      // channel: old dictionary {web, app}; the appended events bring "email", sorted between
      int[] oldChannel = r.ints(n, -1, 2).toArray();
      int[] appendedChannel = r.ints(m, -1, 3).toArray();
      double[] oldRevenue = r.doubles(n).map(v -> v < 0.2 ? v : Double.NaN).toArray();
      double[] appendedRevenue = r.doubles(m).map(v -> v < 0.2 ? v : Double.NaN).toArray();
      List<SurveyAnswer> oldSurveys = answers(r, n, "old");
      List<SurveyAnswer> appendedSurveys = answers(r, m, "new");
      Map<String, Column> traits = Map.of("plan", Column.empty(s.cases.length));

      JourneyDataset old = JourneyDataset.ofLoadOrder(s.old(), new Column(new String[] {"app", "web"}, oldChannel),
          Column.empty(n), Map.of(), oldRevenue, oldSurveys, Map.of());
      JourneyDataset updated = old.updated(new DatasetChange(s.change(),
          new ColumnChange(new String[] {"app", "email", "web"}, new int[] {0, 2}, appendedChannel),
          new ColumnChange(new String[0], null, filled(m, -1)), Map.of(), appendedRevenue, appendedSurveys, traits));

      int[] allChannel = IntStream.concat(Arrays.stream(oldChannel).map(c -> c == 1 ? 2 : c), Arrays.stream(appendedChannel)).toArray();
      double[] allRevenue = java.util.stream.DoubleStream.concat(Arrays.stream(oldRevenue), Arrays.stream(appendedRevenue)).toArray();
      List<SurveyAnswer> allSurveys = new ArrayList<>(oldSurveys);
      appendedSurveys.forEach(a -> allSurveys.add(a.at(n + a.event())));
      JourneyDataset full = JourneyDataset.ofLoadOrder(s.full(), new Column(new String[] {"app", "email", "web"}, allChannel),
          Column.empty(n + m), Map.of(), allRevenue, allSurveys, traits);

      assertSameIndex(updated.index(), full.index());
      for (int i = 0; i < n + m; i++) {
        assertThat(updated.channel().code(i)).isEqualTo(full.channel().code(i));
        assertThat(Double.valueOf(updated.revenue(i))).isEqualTo(Double.valueOf(full.revenue(i)));
      }
      assertThat(updated.surveys()).isEqualTo(full.surveys());
      for (int c = 0; c < updated.caseCount(); c++) assertThat(updated.customerValue(c)).isEqualTo(full.customerValue(c));
    }
  }

  private static List<SurveyAnswer> answers(Random r, int events, String tag) {
    List<SurveyAnswer> out = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      if (r.nextInt(10) == 0) out.add(new SurveyAnswer(i, tag + i, "nps", r.nextInt(11), null, null, null, null));
    }
    return out;
  }

  private static int[] filled(int n, int v) {
    int[] a = new int[n];
    Arrays.fill(a, v);
    return a;
  }

  static void assertSameIndex(JourneyIndex a, JourneyIndex b) {
    assertThat(a.caseCount()).isEqualTo(b.caseCount());
    for (int c = 0; c <= a.caseCount(); c++) assertThat(a.caseStart(c)).isEqualTo(b.caseStart(c));
    for (int c = 0; c < a.caseCount(); c++) assertThat(a.caseName(c)).isEqualTo(b.caseName(c));
    assertThat(a.activityCount()).isEqualTo(b.activityCount());
    for (int k = 0; k < a.activityCount(); k++) assertThat(a.activityName(k)).isEqualTo(b.activityName(k));
    assertThat(a.eventClassCount()).isEqualTo(b.eventClassCount());
    for (int k = 0; k < a.eventClassCount(); k++) {
      assertThat(a.classActivity(k)).isEqualTo(b.classActivity(k));
      assertThat(a.classLifecycle(k)).isEqualTo(b.classLifecycle(k));
    }
    assertThat(a.caseColumn()).isEqualTo(b.caseColumn());
    assertThat(a.eventClassColumn()).isEqualTo(b.eventClassColumn());
    assertThat(a.timeColumn()).isEqualTo(b.timeColumn());
    assertThat(a.positionColumn()).isEqualTo(b.positionColumn());
  }
}
