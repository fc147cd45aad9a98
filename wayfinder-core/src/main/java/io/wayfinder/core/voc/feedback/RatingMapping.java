package io.wayfinder.core.voc.feedback;

import io.wayfinder.core.voc.survey.QuestionType;
import java.util.Optional;

/**
 * How ratings of imported feedback (reviews, tickets, call notes) on a scale {@code min…max} become
 * KPI scores, where they fit:
 *
 * <ul>
 *   <li>1–5 (stars, ticket satisfaction): CSAT 1–5, unchanged;
 *   <li>0–10: NPS 0–10, unchanged (only meaningful when the question was "how likely to recommend");
 *   <li>1–10: NPS by round((r − 1) · 10 / 9), an approximation, labelled as such;
 *   <li>1–7: CES 1–7 unchanged, only when asked for (a 7-point rating is not an effort score by itself);
 *   <li>anything else: no KPI; the rating is kept as it is, with the text's sentiment.
 * </ul>
 *
 * @param kpi the KPI the ratings count towards, or null
 * @param method {@code direct}, {@code approximation (r-1)*10/9} or {@code none}
 */
public record RatingMapping(int min, int max, QuestionType kpi, String method) {
  public static final String DIRECT = "direct";
  public static final String NPS_FROM_1_10 = "approximation (r-1)*10/9";
  public static final String NONE = "none";

  /**
   * The mapping for ratings on {@code min…max}; {@code wanted} forces a KPI (null: the default
   * above; {@link QuestionType#TEXT}: no KPI).
   */
  public static RatingMapping of(int min, int max, QuestionType wanted) {
    if (min >= max) throw new IllegalArgumentException("rating scale: minimum " + min + " must be below maximum " + max);
    QuestionType natural = natural(min, max);
    if (wanted == null) {
      return natural == null || natural == QuestionType.CES ? new RatingMapping(min, max, null, NONE)
          : new RatingMapping(min, max, natural, min == 1 && max == 10 ? NPS_FROM_1_10 : DIRECT);
    }
    if (wanted == QuestionType.TEXT) return new RatingMapping(min, max, null, NONE);
    if (wanted != natural) {
      throw new IllegalArgumentException("a " + min + "–" + max + " rating does not map onto " + wanted.wireName()
          + (natural == null ? "; import it without a KPI" : "; it maps onto " + natural.wireName()));
    }
    return new RatingMapping(min, max, wanted, min == 1 && max == 10 ? NPS_FROM_1_10 : DIRECT);
  }

  private static QuestionType natural(int min, int max) {
    if (min == 1 && max == 5) return QuestionType.CSAT;
    if (min == 0 && max == 10) return QuestionType.NPS;
    if (min == 1 && max == 10) return QuestionType.NPS;
    if (min == 1 && max == 7) return QuestionType.CES;
    return null;
  }

  /** Checks a rating against the scale. */
  public int check(double rating) {
    if (rating != Math.rint(rating) || rating < min || rating > max) {
      throw new IllegalArgumentException("rating must be a whole number " + min + "–" + max + ", got " + rating);
    }
    return (int) rating;
  }

  /** The KPI score of a rating, when the scale maps onto a KPI. */
  public Optional<Integer> score(double rating) {
    int r = check(rating);
    if (kpi == null) return Optional.empty();
    if (NPS_FROM_1_10.equals(method)) return Optional.of((int) Math.round((r - 1) * 10.0 / 9.0));
    return Optional.of(r);
  }
}
