package io.wayfinder.store.privacy;

import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Consent by purpose, checked at the moment of use. A customer's consent for a purpose is the
 * latest {@code consent_history} row of that category (collected from Segment's
 * {@code context.consent.categoryPreferences}, {@code traits.consent} or the management API) on
 * any of their profiles, merged ones included; category names match case-insensitively. With no
 * row the action is allowed (nothing was withheld); with {@code false} it is refused, and the
 * refusal is recorded in {@code consent_refusals} so it is counted per customer.
 *
 * <p>Callers (survey invitations, flow actions and decisions, exports) name every purpose the
 * action serves: it is refused when any of them was withdrawn.
 */
public final class ConsentCheck {
  /** The purposes Wayfinder knows; a category of another name is kept but never checked. */
  public enum Purpose {
    ANALYTICS, MARKETING, PERSONALISATION, SURVEYS;

    /** The category name as collected, e.g. {@code marketing}. */
    public String category() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a category name ({@code personalization} too). */
    public static Purpose of(String category) {
      String c = category.toLowerCase(Locale.ROOT).replace("personalization", "personalisation");
      for (Purpose p : values()) if (p.category().equals(c)) return p;
      throw new IllegalArgumentException("purpose: '" + category + "' is not one of analytics, marketing, personalisation, surveys");
    }
  }

  private static final String FAMILY = """
      WITH RECURSIVE down(id) AS (SELECT ?::BIGINT UNION SELECT p.id FROM profiles p JOIN down ON p.merged_into = down.id)
      SELECT granted FROM consent_history WHERE profile_id IN (SELECT id FROM down) AND lower(category) = ?
      ORDER BY set_at DESC, rowid DESC LIMIT 1""";

  private final Database db;

  public ConsentCheck(Database db) {
    this.db = db;
  }

  /** Whether {@code action} may be taken for the customer of {@code profileId}; a refusal is recorded. */
  public boolean allowed(long profileId, String action, Purpose... purposes) {
    return refused(List.of(profileId), action, purposes).isEmpty();
  }

  /** The profiles of {@code profileIds} for which {@code action} is refused; each refusal is recorded. */
  public Set<Long> refused(Collection<Long> profileIds, String action, Purpose... purposes) {
    Set<Long> out = new HashSet<>();
    try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement(FAMILY);
        PreparedStatement rec = c.prepareStatement("INSERT INTO consent_refusals VALUES (?, ?, ?, now())")) {
      for (long p : new HashSet<>(profileIds)) {
        for (Purpose purpose : purposes) {
          if (granted(q, p, purpose)) continue;
          out.add(p);
          rec.setLong(1, p);
          rec.setString(2, purpose.category());
          rec.setString(3, action);
          rec.execute();
          break;
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot check consent: " + e.getMessage(), e);
    }
    return out;
  }

  private static boolean granted(PreparedStatement q, long profileId, Purpose purpose) throws SQLException {
    q.setLong(1, profileId);
    q.setString(2, purpose.category());
    try (ResultSet rs = q.executeQuery()) {
      return !rs.next() || rs.getBoolean(1);
    }
  }
}
