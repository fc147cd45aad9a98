package io.wayfinder.core.act.condition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * GrowthBook's {@code paddedVersionString}: turns "v1.2.3-rc.1+build" into a string whose plain
 * string order is the SemVer order ("1.0.0" after "1.0.0-beta", "10" after "9").
 */
final class VersionString {
  private static final Pattern STRIP = Pattern.compile("(^v|\\+.*$)");
  private static final Pattern SPLIT = Pattern.compile("[-.]");
  private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");

  private VersionString() {}

  static String padded(JsonNode v) {
    String input;
    if (v != null && v.isNumber()) {
      input = JsValues.numberToString(v.doubleValue());
    } else if (v != null && v.isTextual() && !v.textValue().isEmpty()) {
      input = v.textValue();
    } else {
      input = "0";
    }
    // JavaScript's split keeps trailing empty parts ("1.0.0--" has five), Java's drops them unless limit < 0.
    String[] parts = SPLIT.split(STRIP.matcher(input).replaceAll(""), -1);
    StringBuilder sb = new StringBuilder();
    for (String part : parts) {
      if (sb.length() > 0) {
        sb.append('-');
      }
      sb.append(DIGITS.matcher(part).matches() && part.length() < 5 ? " ".repeat(5 - part.length()) + part : part);
    }
    if (parts.length == 3) {
      sb.append("-~"); // '~' sorts after every pre-release tag, so a release beats its pre-releases
    }
    return sb.toString();
  }
}
