package io.wayfinder.core.act.flow;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a frequency cap counts: the actions that reach a customer. */
public enum Channel {
  @JsonProperty("webhook") WEBHOOK,
  @JsonProperty("email") EMAIL,
  @JsonProperty("inApp") IN_APP,
  @JsonProperty("survey") SURVEY,
  /** Every capped action, whatever its channel. */
  @JsonProperty("any") ANY
}
