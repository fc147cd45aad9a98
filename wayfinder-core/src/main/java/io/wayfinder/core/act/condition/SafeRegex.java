package io.wayfinder.core.act.condition;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code $regex} operand compiled once. Conditions come from users, so a catastrophic pattern
 * such as {@code (a+)+$} must not hang the engine: every match runs on a character sequence that
 * counts reads and gives up after a budget, which counts as "no match".
 */
final class SafeRegex {
  /** Reads of the input allowed per match; linear patterns over long attributes stay far below. */
  static final long READ_BUDGET = 200_000;

  private final Pattern pattern;

  private SafeRegex(Pattern pattern) {
    this.pattern = pattern;
  }

  /** Compiles, or returns the syntax error. */
  static SafeRegex compile(String regex, boolean caseInsensitive) throws PatternSyntaxException {
    return new SafeRegex(Pattern.compile(regex, caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
  }

  /** JavaScript {@code RegExp.test}: a match anywhere in the input. */
  boolean test(String input) {
    try {
      return pattern.matcher(new Budgeted(input)).find();
    } catch (BudgetExceeded e) {
      return false;
    }
  }

  private static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded() {
      super(null, null, false, false);
    }
  }

  private static final class Budgeted implements CharSequence {
    private final String s;
    private long reads;

    Budgeted(String s) {
      this.s = s;
    }

    @Override
    public char charAt(int index) {
      if (++reads > READ_BUDGET) {
        throw new BudgetExceeded();
      }
      return s.charAt(index);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return s.subSequence(start, end);
    }

    @Override
    public String toString() {
      return s;
    }
  }
}
