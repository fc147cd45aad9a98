package io.wayfinder.core.privacy;

import io.wayfinder.core.privacy.RedactionPattern.DigitCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Replaces personal data in free text (feedback, survey answers) before it is stored or shown:
 * e-mail addresses, IBAN account numbers, payment card numbers (Luhn-checked) and phone numbers
 * become {@code [email]}, {@code [account]}, {@code [card]}, {@code [phone]}. Patterns apply in
 * order, so a card number is never half-taken as a phone number. Prices, dates and counts are
 * kept: a candidate must pass its {@link DigitCheck}.
 *
 * <p>Thread-safe and immutable.
 */
public final class Redactor {
  /** The file in a data directory that replaces the default pattern list. */
  public static final String FILE_NAME = "redaction-patterns.txt";

  private static final List<RedactionPattern> DEFAULTS = List.of(
      new RedactionPattern("email", Pattern.compile("(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}"), DigitCheck.NONE),
      new RedactionPattern("account", Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b"), DigitCheck.NONE),
      new RedactionPattern("card", Pattern.compile("(?<![\\d.,])\\d(?:[ -]?\\d){12,18}(?![\\d]|[.,]\\d)"), DigitCheck.LUHN),
      new RedactionPattern("phone", Pattern.compile(
          "(?<![\\w.,/+-])(?:\\+|00)?(?:\\(\\d{1,4}\\)|\\d{1,4})(?:[ .-]?\\(\\d{1,4}\\))?(?:[ .-]?\\d{2,5}){1,5}(?![\\w]|[.,/:-]\\d)"), DigitCheck.PHONE));

  private final List<RedactionPattern> patterns;

  public Redactor(List<RedactionPattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /** E-mail addresses, card numbers, IBANs and phone numbers. */
  public static Redactor defaults() {
    return new Redactor(DEFAULTS);
  }

  public List<RedactionPattern> patterns() {
    return patterns;
  }

  /**
   * The patterns of {@code dataDir/redaction-patterns.txt} when it exists (one
   * {@code name regex} per line, optionally {@code name:luhn regex} or {@code name:phone regex};
   * {@code #} starts a comment), else {@link #defaults()}.
   *
   * @throws IllegalArgumentException naming the line of a bad pattern
   */
  public static Redactor load(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) return defaults();
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Parses a pattern list (see {@link #load}); {@code where} names it in errors. */
  public static Redactor parse(List<String> lines, String where) {
    List<RedactionPattern> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] parts = line.split("\\s+", 2);
      if (parts.length < 2) throw new IllegalArgumentException(where + " line " + (i + 1) + ": expected 'name regex'");
      String[] head = parts[0].split(":", 2);
      try {
        DigitCheck check = head.length == 1 ? DigitCheck.NONE : DigitCheck.valueOf(head[1].toUpperCase(java.util.Locale.ROOT));
        out.add(new RedactionPattern(head[0], Pattern.compile(parts[1]), check));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(where + " line " + (i + 1) + ": bad regex: " + e.getDescription());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + " line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return new Redactor(out);
  }

  /** The text with every match replaced by its pattern's token; null stays null. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) return text;
    String out = text;
    for (RedactionPattern p : patterns) {
      Matcher m = p.regex().matcher(out);
      StringBuilder sb = null;
      int last = 0;
      while (m.find()) {
        if (!p.check().accepts(m.group())) continue;
        if (sb == null) sb = new StringBuilder(out.length());
        sb.append(out, last, m.start()).append(p.replacement());
        last = m.end();
      }
      if (sb != null) out = sb.append(out, last, out.length()).toString();
    }
    return out;
  }
}
