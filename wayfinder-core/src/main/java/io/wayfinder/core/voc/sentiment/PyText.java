package io.wayfinder.core.voc.sentiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The few Python {@code str} behaviours VADER's rules rely on ({@code split()}, {@code strip()},
 * {@code strip(string.punctuation)}, {@code isupper()}), reproduced so scores match the reference
 * implementation token for token.
 */
final class PyText {
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private PyText() {}

  /** Python's {@code str.isspace()} for one code point. */
  static boolean isSpace(int c) {
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0
        || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
        || c == 0x202f || c == 0x205f || c == 0x3000;
  }

  /** {@code text.split()}: runs of whitespace separate tokens; no empty tokens. */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (isSpace(c)) {
        if (start >= 0) {
          out.add(text.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(c);
    }
    if (start >= 0) out.add(text.substring(start));
    return out;
  }

  /** {@code text.strip()}. */
  static String strip(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && isSpace(text.codePointAt(from))) from += Character.charCount(text.codePointAt(from));
    while (to > from && isSpace(text.codePointBefore(to))) to -= Character.charCount(text.codePointBefore(to));
    return text.substring(from, to);
  }

  /**
   * VADER's {@code _strip_punc_if_word}: strip leading and trailing ASCII punctuation unless that
   * leaves two code points or fewer (then the token was probably an emoticon such as ":)").
   */
  static String stripPunctuationIfWord(String token) {
    int from = 0;
    int to = token.length();
    while (from < to && PUNCTUATION.indexOf(token.charAt(from)) >= 0) from++;
    while (to > from && PUNCTUATION.indexOf(token.charAt(to - 1)) >= 0) to--;
    return token.codePointCount(from, to) <= 2 ? token : token.substring(from, to);
  }

  /** {@code str.isupper()}: at least one cased character and no lower- or title-case one. */
  static boolean isUpper(String s) {
    boolean cased = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (Character.isLowerCase(c) || Character.isTitleCase(c)) return false;
      if (Character.isUpperCase(c)) cased = true;
      i += Character.charCount(c);
    }
    return cased;
  }
}
