package io.wayfinder.core.privacy;

import java.util.regex.Pattern;

/**
 * One kind of personal data to find in free text: a regular expression, the token that replaces
 * a match ({@code [name]}), and a check of the match's digits (a card number must pass the Luhn
 * check, a phone number must have 9 to 15 digits) so that ordinary numbers are kept.
 *
 * @param name the kind, e.g. {@code email}; the replacement is {@code [name]}
 * @param regex what a candidate looks like
 * @param check what a candidate's digits must satisfy to be redacted
 */
public record RedactionPattern(String name, Pattern regex, DigitCheck check) {
  /** A test of the digits of a candidate match. */
  public enum DigitCheck {
    /** Every match is redacted. */
    NONE,
    /** 13 to 19 digits passing the Luhn checksum (payment cards). */
    LUHN,
    /** 9 to 15 digits (E.164 allows 15; fewer than 9 is a date, a price or a count). */
    PHONE;

    boolean accepts(String match) {
      if (this == NONE) return true;
      String digits = match.replaceAll("\\D", "");
      return this == LUHN ? digits.length() >= 13 && digits.length() <= 19 && luhn(digits)
          : digits.length() >= 9 && digits.length() <= 15;
    }
  }

  public RedactionPattern {
    if (name == null || !name.matches("[a-z][a-z0-9_-]*")) {
      throw new IllegalArgumentException("name: '" + name + "' must be lower-case letters, digits, '_' or '-'");
    }
  }

  /** The text that replaces a match. */
  public String replacement() {
    return "[" + name + "]";
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
