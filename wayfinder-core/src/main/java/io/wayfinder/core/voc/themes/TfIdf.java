package io.wayfinder.core.voc.themes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sparse TF-IDF features of word unigrams and bigrams: sublinear term frequency (1 + ln tf),
 * smoothed inverse document frequency (ln((1 + n) / (1 + df)) + 1), each vector of unit length.
 * Terms seen in fewer than {@code minDf} of the fitted texts are dropped: a term seen once cannot
 * generalise and only makes the model bigger.
 */
public final class TfIdf {
  // letters and digits, with inner apostrophes ("hasn't") kept as one word
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");

  private final Map<String, Integer> vocabulary;
  private final String[] terms;
  private final float[] idf;

  private TfIdf(Map<String, Integer> vocabulary, String[] terms, float[] idf) {
    this.vocabulary = vocabulary;
    this.terms = terms;
    this.idf = idf;
  }

  /** Learns the vocabulary and document frequencies of {@code texts}. */
  public static TfIdf fit(List<String> texts, int minDf) {
    Map<String, Integer> df = new HashMap<>();
    for (String t : texts) for (String term : new java.util.HashSet<>(terms(t))) df.merge(term, 1, Integer::sum);
    TreeMap<String, Integer> kept = new TreeMap<>();
    df.forEach((term, n) -> { if (n >= minDf) kept.put(term, n); });
    Map<String, Integer> vocab = new HashMap<>();
    String[] names = new String[kept.size()];
    float[] idf = new float[kept.size()];
    int i = 0;
    for (Map.Entry<String, Integer> e : kept.entrySet()) {
      vocab.put(e.getKey(), i);
      names[i] = e.getKey();
      idf[i] = (float) (Math.log((1.0 + texts.size()) / (1.0 + e.getValue())) + 1);
      i++;
    }
    return new TfIdf(vocab, names, idf);
  }

  /** The number of features. */
  public int dimension() {
    return terms.length;
  }

  /** The term of feature {@code i}. */
  public String term(int i) {
    return terms[i];
  }

  /** The unit-length TF-IDF vector of {@code text} (empty when it has no known term). */
  public SparseVector transform(String text) {
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (String term : terms(text)) {
      Integer id = vocabulary.get(term);
      if (id != null) counts.merge(id, 1, Integer::sum);
    }
    int[] idx = new int[counts.size()];
    float[] val = new float[counts.size()];
    double norm = 0;
    int i = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      idx[i] = e.getKey();
      val[i] = (float) ((1 + Math.log(e.getValue())) * idf[e.getKey()]);
      norm += val[i] * val[i];
      i++;
    }
    if (norm > 0) for (int j = 0; j < val.length; j++) val[j] /= (float) Math.sqrt(norm);
    return new SparseVector(idx, val);
  }

  /** The unigrams and bigrams of {@code text}, lower-cased. */
  static List<String> terms(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) words.add(m.group());
    List<String> out = new ArrayList<>(words);
    for (int i = 1; i < words.size(); i++) out.add(words.get(i - 1) + " " + words.get(i));
    return out;
  }
}
