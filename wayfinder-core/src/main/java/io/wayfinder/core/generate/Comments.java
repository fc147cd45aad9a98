package io.wayfinder.core.generate;

import java.util.List;

/**
 * Free-text survey comments whose sentiment matches the score, in plain words a lexicon-based
 * sentiment scorer recognises.
 */
final class Comments {
  private Comments() {}

  enum Tone { NEGATIVE, NEUTRAL, POSITIVE }

  private static final List<String[]> NEGATIVE = List.of(
      new String[] {"Terrible ", ". Nobody called me back and I am very frustrated."},
      new String[] {"The ", " was a disaster, slow and confusing. Really disappointed."},
      new String[] {"Awful experience with the ", ". I waited for days and got no help."},
      new String[] {"Worst ", " ever. Rude staff and broken promises, I am angry."},
      new String[] {"The ", " failed again. Useless, I will probably leave."});
  private static final List<String[]> NEUTRAL = List.of(
      new String[] {"The ", " was okay, nothing special."},
      new String[] {"", " took a while but it worked in the end."},
      new String[] {"Average ", ", could be faster."});
  private static final List<String[]> POSITIVE = List.of(
      new String[] {"Great ", ", quick and easy. Thank you!"},
      new String[] {"The ", " was excellent and the staff were friendly and helpful."},
      new String[] {"Really happy with the ", ", smooth and simple."},
      new String[] {"Love it! The ", " was fast and perfect."});

  /** The tone a respondent with this score writes in. */
  static Tone tone(String questionType, int score) {
    return switch (questionType) {
      case "nps" -> score <= 6 ? Tone.NEGATIVE : score <= 8 ? Tone.NEUTRAL : Tone.POSITIVE;
      case "csat" -> score <= 2 ? Tone.NEGATIVE : score == 3 ? Tone.NEUTRAL : Tone.POSITIVE;
      case "ces" -> score <= 3 ? Tone.NEGATIVE : score <= 5 ? Tone.NEUTRAL : Tone.POSITIVE;
      default -> throw new IllegalArgumentException("unknown question type " + questionType);
    };
  }

  static String write(Rng rng, String questionType, int score, String topic) {
    List<String[]> bank = switch (tone(questionType, score)) {
      case NEGATIVE -> NEGATIVE;
      case NEUTRAL -> NEUTRAL;
      case POSITIVE -> POSITIVE;
    };
    String[] t = rng.pick(bank);
    String text = t[0] + topic + t[1];
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
