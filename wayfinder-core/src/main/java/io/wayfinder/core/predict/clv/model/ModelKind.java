package io.wayfinder.core.predict.clv.model;

import java.util.List;
import java.util.Locale;

/** The CLV models, with the short names the CLI and JSON use and the literature's parameter names. */
public enum ModelKind {
  BGNBD("bgnbd", "BG/NBD", List.of("r", "alpha", "a", "b")),
  MBGNBD("mbgnbd", "MBG/NBD", List.of("r", "alpha", "a", "b")),
  PARETONBD("paretonbd", "Pareto/NBD", List.of("r", "alpha", "s", "beta")),
  GAMMAGAMMA("gammagamma", "Gamma-Gamma", List.of("p", "q", "gamma"));

  private final String id;
  private final String title;
  private final List<String> paramNames;

  ModelKind(String id, String title, List<String> paramNames) {
    this.id = id;
    this.title = title;
    this.paramNames = paramNames;
  }

  /** Short name: bgnbd, mbgnbd, paretonbd, gammagamma. */
  public String id() {
    return id;
  }

  /** Name as written in the literature, e.g. "BG/NBD". */
  public String title() {
    return title;
  }

  public List<String> paramNames() {
    return paramNames;
  }

  /** True for the purchase-count models (everything but Gamma-Gamma). */
  public boolean countsPurchases() {
    return this != GAMMAGAMMA;
  }

  /** Parses a short name, case-insensitive, ignoring '-', '/' and '_' (so "BG/NBD" works). */
  public static ModelKind parse(String s) {
    String k = s.toLowerCase(Locale.ROOT).replaceAll("[-/_ ]", "");
    for (ModelKind m : values()) if (m.id.equals(k)) return m;
    throw new IllegalArgumentException("unknown model '" + s + "': expected bgnbd, mbgnbd, paretonbd or gammagamma");
  }

  /**
   * Builds a purchase-count model from its parameters in {@link #paramNames()} order.
   *
   * @throws IllegalArgumentException for Gamma-Gamma or bad parameters
   */
  public TransactionModel transactionModel(double... p) {
    if (p.length != paramNames.size()) throw new IllegalArgumentException(title + " needs " + paramNames.size() + " parameters");
    return switch (this) {
      case BGNBD -> new BgNbd(p[0], p[1], p[2], p[3]);
      case MBGNBD -> new MbgNbd(p[0], p[1], p[2], p[3]);
      case PARETONBD -> new ParetoNbd(p[0], p[1], p[2], p[3]);
      case GAMMAGAMMA -> throw new IllegalArgumentException("Gamma-Gamma is a spend model, not a purchase-count model");
    };
  }

  /** Fits a purchase-count model by maximum likelihood. */
  public ModelFit<TransactionModel> fit(FrequencyData data) {
    return switch (this) {
      case BGNBD -> BgNbd.fit(data).widen();
      case MBGNBD -> MbgNbd.fit(data).widen();
      case PARETONBD -> ParetoNbd.fit(data).widen();
      case GAMMAGAMMA -> throw new IllegalArgumentException("Gamma-Gamma is fitted on spend data: use GammaGamma.fit");
    };
  }
}
