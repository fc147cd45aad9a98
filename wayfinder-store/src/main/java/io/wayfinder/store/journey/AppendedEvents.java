package io.wayfinder.store.journey;

import io.wayfinder.core.journey.dataset.SurveyAnswer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The events appended since a loaded index's version, in load order, with what the index keeps
 * of them. Few next to the log, so read as plain values (no ENUM encoding as in a full load).
 *
 * @param text per text column of {@link JourneyIndexLoader#textColumns} its value per event
 * @param revenue per event its revenue, NaN for none; null when none has one
 * @param surveys the survey answers, {@code event} being the appended event's number
 */
record AppendedEvents(long[] profiles, long[] micros, String[][] text, double[] revenue, List<SurveyAnswer> surveys) {

  int count() {
    return profiles.length;
  }

  /** The events at row ids from {@code from} on (a table whose row ids are dense), with these property columns. */
  static AppendedEvents read(Statement st, long from, int count, List<String> keys) throws SQLException {
    List<String> columns = JourneyIndexLoader.textColumns(keys);
    long[] profiles = new long[count];
    long[] micros = new long[count];
    String[][] text = new String[columns.size()][count];
    double[] revenue = null;
    List<SurveyAnswer> surveys = new ArrayList<>();
    String sql = "SELECT profile_id, epoch_us(ts), " + String.join(", ", columns) + ", " + RevenueAndSurveys.REVENUE + ", "
        + RevenueAndSurveys.SURVEY + " FROM events WHERE " + LogVersion.from(from) + " ORDER BY rowid";
    int t = columns.size();
    try (ResultSet rs = st.executeQuery(sql)) {
      int d = 0;
      for (; rs.next(); d++) {
        if (d == count) throw new IllegalStateException("more than " + count + " appended events");
        profiles[d] = rs.getLong(1);
        micros[d] = rs.getLong(2);
        for (int k = 0; k < t; k++) text[k][d] = rs.getString(3 + k);
        double r = rs.getDouble(3 + t);
        if (!rs.wasNull()) {
          if (revenue == null) {
            revenue = new double[count];
            Arrays.fill(revenue, Double.NaN);
          }
          revenue[d] = r;
        }
        String survey = rs.getString(4 + t);
        if (survey != null) surveys.add(RevenueAndSurveys.survey(d, survey));
      }
      if (d != count) throw new IllegalStateException("expected " + count + " appended events, read " + d);
    }
    return new AppendedEvents(profiles, micros, text, revenue, surveys);
  }
}
