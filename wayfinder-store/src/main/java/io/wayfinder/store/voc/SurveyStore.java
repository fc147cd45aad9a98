package io.wayfinder.store.voc;

import io.wayfinder.core.voc.survey.SurveyDefinition;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Survey definitions. Few and read on every triggering pass, so they are kept in memory too. */
public final class SurveyStore {
  private final Database db;
  private final List<SurveyDefinition> cache = new CopyOnWriteArrayList<>();

  public SurveyStore(Database db) {
    this.db = db;
    cache.addAll(load());
  }

  /** Stores a new survey; ids are unique. */
  public synchronized SurveyDefinition create(SurveyDefinition s) {
    if (find(s.id()).isPresent()) throw new IllegalStateException("a survey with id '" + s.id() + "' exists already");
    try (var c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO surveys VALUES (?, ?, ?, ?)")) {
      ps.setString(1, s.id());
      ps.setString(2, s.name());
      ps.setString(3, SurveyJson.write(s).toString());
      ps.setObject(4, Instant.now().atOffset(ZoneOffset.UTC));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store survey: " + e.getMessage(), e);
    }
    cache.add(s);
    return s;
  }

  public List<SurveyDefinition> list() {
    return List.copyOf(cache);
  }

  public Optional<SurveyDefinition> find(String id) {
    return cache.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  private List<SurveyDefinition> load() {
    List<SurveyDefinition> out = new ArrayList<>();
    try (var c = db.connect(); var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT definition FROM surveys ORDER BY created_at")) {
      while (rs.next()) out.add(SurveyJson.read(SurveyJson.MAPPER.readTree(rs.getString(1))));
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot read surveys: " + e.getMessage(), e);
    }
    return out;
  }
}
