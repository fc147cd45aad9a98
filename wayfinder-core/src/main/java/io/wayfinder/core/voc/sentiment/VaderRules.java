package io.wayfinder.core.voc.sentiment;

import static io.wayfinder.core.voc.sentiment.VaderVocabulary.BOOSTERS;
import static io.wayfinder.core.voc.sentiment.VaderVocabulary.N_SCALAR;
import static io.wayfinder.core.voc.sentiment.VaderVocabulary.SPECIAL_CASES;
import static io.wayfinder.core.voc.sentiment.VaderVocabulary.isNegation;

/** VADER's context rules that look only at the lower-case words around position i. */
final class VaderRules {
  private VaderRules() {}

  /** Negation by the word startI+1 places before i, with "never so/this" and "without doubt". */
  static double negationCheck(double valence, String[] w, int startI, int i) {
    if (startI == 0) {
      if (isNegation(w[i - 1])) return valence * N_SCALAR;
    } else if (startI == 1) {
      if (w[i - 2].equals("never") && (w[i - 1].equals("so") || w[i - 1].equals("this"))) {
        return valence * 1.25;
      } else if (w[i - 2].equals("without") && w[i - 1].equals("doubt")) {
        return valence;
      } else if (isNegation(w[i - 2])) {
        return valence * N_SCALAR;
      }
    } else if (startI == 2) {
      // Operator precedence as in the reference: (never ∧ (so ∨ this)) ∨ (so ∨ this one before).
      if ((w[i - 3].equals("never") && (w[i - 2].equals("so") || w[i - 2].equals("this")))
          || (w[i - 1].equals("so") || w[i - 1].equals("this"))) {
        return valence * 1.25;
      } else if (w[i - 3].equals("without") && (w[i - 2].equals("doubt") || w[i - 1].equals("doubt"))) {
        return valence;
      } else if (isNegation(w[i - 3])) {
        return valence * N_SCALAR;
      }
    }
    return valence;
  }

  /** Special idioms around i (needs i ≥ 3) and the two- and three-word boosters before it. */
  static double specialIdiomsCheck(double valence, String[] w, int i) {
    String oneZero = w[i - 1] + " " + w[i];
    String twoOneZero = w[i - 2] + " " + w[i - 1] + " " + w[i];
    String twoOne = w[i - 2] + " " + w[i - 1];
    String threeTwoOne = w[i - 3] + " " + w[i - 2] + " " + w[i - 1];
    String threeTwo = w[i - 3] + " " + w[i - 2];
    for (String seq : new String[] {oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo}) {
      Double special = SPECIAL_CASES.get(seq);
      if (special != null) {
        valence = special;
        break;
      }
    }
    if (w.length - 1 > i) {
      Double special = SPECIAL_CASES.get(w[i] + " " + w[i + 1]);
      if (special != null) valence = special;
    }
    if (w.length - 1 > i + 1) {
      Double special = SPECIAL_CASES.get(w[i] + " " + w[i + 1] + " " + w[i + 2]);
      if (special != null) valence = special;
    }
    for (String nGram : new String[] {threeTwoOne, threeTwo, twoOne}) {
      Double b = BOOSTERS.get(nGram);
      if (b != null) valence += b;
    }
    return valence;
  }
}
