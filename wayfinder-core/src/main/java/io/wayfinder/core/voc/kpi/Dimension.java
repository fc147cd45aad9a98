package io.wayfinder.core.voc.kpi;

import java.util.function.Function;

/** A property of a {@link SurveyResponse} that KPIs can be broken down by. */
public enum Dimension {
  JOURNEY(SurveyResponse::journey),
  STAGE(SurveyResponse::stage),
  TOUCHPOINT(SurveyResponse::touchpoint),
  CHANNEL(SurveyResponse::channel),
  SEGMENT(SurveyResponse::segment);

  private final Function<SurveyResponse, String> value;

  Dimension(Function<SurveyResponse, String> value) {
    this.value = value;
  }

  public String of(SurveyResponse r) {
    return value.apply(r);
  }
}
