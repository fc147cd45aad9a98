package io.wayfinder.core.voc.sentiment;

import static io.wayfinder.core.voc.sentiment.VaderVocabulary.BOOSTERS;
import static io.wayfinder.core.voc.sentiment.VaderVocabulary.C_INCR;
import static io.wayfinder.core.voc.sentiment.VaderVocabulary.N_SCALAR;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * VADER sentiment (Hutto & Gilbert 2014), rule for rule as the reference Python implementation
 * ({@code vaderSentiment.py}, commit 44fc044): lexicon valences adjusted by booster and dampener
 * words, negation, ALL-CAPS emphasis, "but", "least", "kind of", special idioms, and "!"/"?"
 * emphasis; emoji are replaced by their descriptions first. Thread-safe; stateless per text.
 */
public final class SentimentAnalyzer {
  /** The normalisation constant: compound = x / sqrt(x² + ALPHA). */
  static final double ALPHA = 15;

  private final VaderLexicon lexicon;

  public SentimentAnalyzer(VaderLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** An analyzer on the bundled VADER lexicon. */
  public static SentimentAnalyzer vader() {
    return new SentimentAnalyzer(VaderLexicon.bundled());
  }

  /** Scores one text. */
  public SentimentScore score(String text) {
    Valences v = valences(text);
    return scoreValence(v.valences, v.text);
  }

  /** The lexicon words of a text with the valence each contributed (zero-valence words left out). */
  public List<SentimentTerm> terms(String text) {
    return terms(valences(text));
  }

  /** Score and terms from one pass over the text. */
  TextSentiment analyse(String text) {
    Valences v = valences(text);
    return new TextSentiment(scoreValence(v.valences, v.text), terms(v));
  }

  record TextSentiment(SentimentScore score, List<SentimentTerm> terms) {}

  private List<SentimentTerm> terms(Valences v) {
    List<SentimentTerm> out = new ArrayList<>();
    for (int i = 0; i < v.valences.length; i++) {
      if (v.valences[i] != 0 && lexicon.contains(v.tokens.lower[i])) {
        out.add(new SentimentTerm(v.tokens.lower[i], v.valences[i]));
      }
    }
    return out;
  }

  /** The normalisation of a valence sum into −1 … +1. */
  static double normalize(double score) {
    double norm = score / Math.sqrt(score * score + ALPHA);
    return Math.max(-1.0, Math.min(1.0, norm));
  }

  private record Valences(String text, Tokens tokens, double[] valences) {}

  /** Words and emoticons of a text: the original tokens and their lower-case forms. */
  private static final class Tokens {
    final String[] words;
    final String[] lower;
    final boolean capDifferential;

    Tokens(String text) {
      List<String> split = PyText.split(text);
      int n = split.size();
      words = new String[n];
      lower = new String[n];
      int caps = 0;
      for (int i = 0; i < n; i++) {
        words[i] = PyText.stripPunctuationIfWord(split.get(i));
        lower[i] = words[i].toLowerCase(Locale.ROOT);
        if (PyText.isUpper(words[i])) caps++;
      }
      // Capitals add emphasis only when some, not all, tokens are in capitals.
      int differential = n - caps;
      capDifferential = differential > 0 && differential < n;
    }

    int size() {
      return words.length;
    }
  }

  private Valences valences(String raw) {
    String text = PyText.strip(replaceEmojis(raw));
    Tokens t = new Tokens(text);
    double[] sentiments = new double[t.size()];
    for (int i = 0; i < t.size(); i++) {
      if (BOOSTERS.containsKey(t.lower[i])) continue;
      if (i < t.size() - 1 && t.lower[i].equals("kind") && t.lower[i + 1].equals("of")) continue;
      sentiments[i] = valence(t, i);
    }
    butCheck(t, sentiments);
    return new Valences(text, t, sentiments);
  }

  private String replaceEmojis(String text) {
    StringBuilder out = null;
    boolean prevSpace = true;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      String description = lexicon.emojiDescription(c);
      if (description != null) {
        if (out == null) out = new StringBuilder(text.length() + 32).append(text, 0, i);
        if (!prevSpace) out.append(' ');
        out.append(description);
        prevSpace = false;
      } else {
        if (out != null) out.appendCodePoint(c);
        prevSpace = c == ' ';
      }
      i += Character.charCount(c);
    }
    return out == null ? text : out.toString();
  }

  private double valence(Tokens t, int i) {
    String[] w = t.lower;
    Double lexValence = lexicon.valence(w[i]);
    if (lexValence == null) return 0;
    double valence = lexValence;
    // "no" before another lexicon word negates that word instead of counting itself.
    if (w[i].equals("no") && i != t.size() - 1 && lexicon.contains(w[i + 1])) valence = 0.0;
    if ((i > 0 && w[i - 1].equals("no")) || (i > 1 && w[i - 2].equals("no"))
        || (i > 2 && w[i - 3].equals("no") && (w[i - 1].equals("or") || w[i - 1].equals("nor")))) {
      valence = lexValence * N_SCALAR;
    }
    if (t.capDifferential && PyText.isUpper(t.words[i])) valence += valence > 0 ? C_INCR : -C_INCR;
    for (int startI = 0; startI < 3; startI++) {
      int j = i - (startI + 1);
      if (i > startI && !lexicon.contains(w[j])) {
        double s = boosterScalar(t, j, valence);
        if (startI == 1 && s != 0) s *= 0.95;
        if (startI == 2 && s != 0) s *= 0.9;
        valence += s;
        valence = VaderRules.negationCheck(valence, w, startI, i);
        if (startI == 2) valence = VaderRules.specialIdiomsCheck(valence, w, i);
      }
    }
    return leastCheck(valence, w, i);
  }

  /** VADER's {@code scalar_inc_dec}: the push a booster/dampener at j gives the word's valence. */
  private static double boosterScalar(Tokens t, int j, double valence) {
    Double b = BOOSTERS.get(t.lower[j]);
    if (b == null) return 0.0;
    double scalar = valence < 0 ? -b : b;
    if (t.capDifferential && PyText.isUpper(t.words[j])) scalar += valence > 0 ? C_INCR : -C_INCR;
    return scalar;
  }

  private double leastCheck(double valence, String[] w, int i) {
    if (i > 1 && !lexicon.contains(w[i - 1]) && w[i - 1].equals("least")) {
      if (!w[i - 2].equals("at") && !w[i - 2].equals("very")) return valence * N_SCALAR;
    } else if (i > 0 && !lexicon.contains(w[i - 1]) && w[i - 1].equals("least")) {
      return valence * N_SCALAR;
    }
    return valence;
  }

  /**
   * Halves valences before the first "but" and raises those after it by half. Reproduces the
   * reference's use of {@code list.index(value)}, which rewrites the first position holding an
   * equal value rather than the current one.
   */
  private static void butCheck(Tokens t, double[] s) {
    int bi = -1;
    for (int k = 0; k < t.size() && bi < 0; k++) if (t.lower[k].equals("but")) bi = k;
    if (bi < 0) return;
    for (int k = 0; k < s.length; k++) {
      double v = s[k];
      int si = 0;
      while (s[si] != v) si++;
      if (si < bi) s[si] = v * 0.5;
      else if (si > bi) s[si] = v * 1.5;
    }
  }

  private static SentimentScore scoreValence(double[] sentiments, String text) {
    if (sentiments.length == 0) return SentimentScore.EMPTY;
    double sum = 0;
    double posSum = 0;
    double negSum = 0;
    int neutral = 0;
    for (double s : sentiments) {
      sum += s;
      // +1/−1 compensate for neutral words being counted as 1.
      if (s > 0) posSum += s + 1;
      if (s < 0) negSum += s - 1;
      if (s == 0) neutral++;
    }
    double emphasis = punctuationEmphasis(text);
    if (sum > 0) sum += emphasis;
    else if (sum < 0) sum -= emphasis;
    double compound = normalize(sum);
    if (posSum > Math.abs(negSum)) posSum += emphasis;
    else if (posSum < Math.abs(negSum)) negSum -= emphasis;
    double total = posSum + Math.abs(negSum) + neutral;
    return new SentimentScore(
        round(Math.abs(negSum / total), 3),
        round(Math.abs(neutral / total), 3),
        round(Math.abs(posSum / total), 3),
        round(compound, 4));
  }

  /** Up to four "!" add 0.292 each; two or three "?" add 0.18 each, more add 0.96. */
  private static double punctuationEmphasis(String text) {
    int exclamations = 0;
    int questions = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '!') exclamations++;
      else if (c == '?') questions++;
    }
    double ep = Math.min(exclamations, 4) * 0.292;
    double qm = questions <= 1 ? 0 : questions <= 3 ? questions * 0.18 : 0.96;
    return ep + qm;
  }

  /** Python's {@code round(x, digits)}: half-even on the exact binary value. */
  private static double round(double x, int digits) {
    return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
  }
}
