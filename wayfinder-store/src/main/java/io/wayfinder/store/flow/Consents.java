package io.wayfinder.store.flow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A customer's current consent per category (the last grant or withdrawal wins). */
final class Consents {
  static Map<String, Boolean> of(Connection c, long profileId) throws SQLException {
    Map<String, Boolean> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT category, arg_max(granted, set_at) FROM consent_history "
        + "WHERE profile_id = ? GROUP BY category")) {
      ps.setLong(1, profileId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), rs.getBoolean(2));
      }
    }
    return out;
  }

  /** A withdrawn {@code marketing} consent stops every action that reaches the customer. */
  static boolean withdrawn(Map<String, Boolean> consent) {
    return Boolean.FALSE.equals(consent.get("marketing"));
  }

  private Consents() {}
}
