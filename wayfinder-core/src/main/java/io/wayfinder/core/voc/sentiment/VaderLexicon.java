package io.wayfinder.core.voc.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * VADER's word valences (mean human rating, −4 … +4) and emoji descriptions, read from the
 * bundled {@code vader_lexicon.txt} and {@code emoji_utf8_lexicon.txt} (MIT, see
 * {@code LICENSE-VADER.txt} beside them).
 */
public final class VaderLexicon {
  private final Map<String, Double> valences;
  private final Map<Integer, String> emojis;

  VaderLexicon(Map<String, Double> valences, Map<Integer, String> emojis) {
    this.valences = Map.copyOf(valences);
    this.emojis = Map.copyOf(emojis);
  }

  /** The lexicon shipped with Wayfinder; loaded once. */
  public static VaderLexicon bundled() {
    return Bundled.INSTANCE;
  }

  /** The valence of a lower-case token, or {@code null} when it is not in the lexicon. */
  public Double valence(String lowerCaseToken) {
    return valences.get(lowerCaseToken);
  }

  boolean contains(String lowerCaseToken) {
    return valences.containsKey(lowerCaseToken);
  }

  /** The words describing a one-code-point emoji, or {@code null}. */
  String emojiDescription(int codePoint) {
    return emojis.get(codePoint);
  }

  private static final class Bundled {
    static final VaderLexicon INSTANCE = load();

    private static VaderLexicon load() {
      Map<String, Double> valences = new HashMap<>();
      readTabbed("vader_lexicon.txt", (k, v) -> valences.put(k, Double.parseDouble(v)));
      // The reference looks emoji up one code point at a time, so multi-code-point sequences
      // (flags, skin tones, ZWJ sequences) can never match there; they are left out here too.
      Map<Integer, String> emojis = new HashMap<>();
      readTabbed("emoji_utf8_lexicon.txt", (k, v) -> {
        if (k.codePointCount(0, k.length()) == 1) emojis.put(k.codePointAt(0), v);
      });
      return new VaderLexicon(valences, emojis);
    }

    private static void readTabbed(String resource, BiConsumer<String, String> sink) {
      try (InputStream in = VaderLexicon.class.getResourceAsStream(resource)) {
        if (in == null) throw new IllegalStateException("missing resource " + resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
          String[] f = PyText.strip(line).split("\t");
          if (f.length >= 2) sink.accept(f[0], f[1]);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
