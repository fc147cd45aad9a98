package io.wayfinder.core.voc.sentiment;

import java.util.Map;
import java.util.Set;

/** The fixed word lists and empirically derived constants of VADER (Hutto & Gilbert 2014). */
final class VaderVocabulary {
  private VaderVocabulary() {}

  /** Mean rating increase for a booster word; a dampener is the negative. */
  static final double B_INCR = 0.293;
  static final double B_DECR = -0.293;
  /** Mean rating increase for an ALL-CAPS word among mixed-case words. */
  static final double C_INCR = 0.733;
  /** Factor applied to a negated valence. */
  static final double N_SCALAR = -0.74;

  static final Set<String> NEGATIONS = Set.of(
      "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
      "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
      "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
      "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
      "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
      "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
      "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
      "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

  static final Map<String, Double> BOOSTERS = Map.ofEntries(
      up("absolutely"), up("amazingly"), up("awfully"), up("completely"), up("considerable"),
      up("considerably"), up("decidedly"), up("deeply"), up("effing"), up("enormous"),
      up("enormously"), up("entirely"), up("especially"), up("exceptional"), up("exceptionally"),
      up("extreme"), up("extremely"), up("fabulously"), up("flipping"), up("flippin"),
      up("frackin"), up("fracking"), up("fricking"), up("frickin"), up("frigging"), up("friggin"),
      up("fully"), up("fuckin"), up("fucking"), up("fuggin"), up("fugging"), up("greatly"),
      up("hella"), up("highly"), up("hugely"), up("incredible"), up("incredibly"), up("intensely"),
      up("major"), up("majorly"), up("more"), up("most"), up("particularly"), up("purely"),
      up("quite"), up("really"), up("remarkably"), up("so"), up("substantially"), up("thoroughly"),
      up("total"), up("totally"), up("tremendous"), up("tremendously"), up("uber"),
      up("unbelievably"), up("unusually"), up("utter"), up("utterly"), up("very"),
      down("almost"), down("barely"), down("hardly"), down("just enough"), down("kind of"),
      down("kinda"), down("kindof"), down("kind-of"), down("less"), down("little"),
      down("marginal"), down("marginally"), down("occasional"), down("occasionally"),
      down("partly"), down("scarce"), down("scarcely"), down("slight"), down("slightly"),
      down("somewhat"), down("sort of"), down("sorta"), down("sortof"), down("sort-of"));

  /** Idioms and phrases containing lexicon words whose meaning overrides the words'. */
  static final Map<String, Double> SPECIAL_CASES = Map.of(
      "the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5, "badass", 1.5, "bus stop", 0.0,
      "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
      "beating heart", 3.1, "broken heart", -2.9);

  private static Map.Entry<String, Double> up(String word) {
    return Map.entry(word, B_INCR);
  }

  private static Map.Entry<String, Double> down(String word) {
    return Map.entry(word, B_DECR);
  }

  /** VADER's {@code negated([word])} for one lower-case word. */
  static boolean isNegation(String lowerWord) {
    return NEGATIONS.contains(lowerWord) || lowerWord.contains("n't");
  }
}
