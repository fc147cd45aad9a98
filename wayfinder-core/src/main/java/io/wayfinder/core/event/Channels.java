package io.wayfinder.core.event;

import java.util.List;

/** The channel names Wayfinder uses by convention; any other string is allowed too. */
public final class Channels {
  public static final String WEB = "web";
  public static final String APP = "app";
  public static final String STORE = "store";
  public static final String CALL_CENTRE = "call_centre";
  public static final String EMAIL = "email";
  public static final String PARTNER = "partner";
  public static final String REVIEW = "review";

  public static final List<String> ALL = List.of(WEB, APP, STORE, CALL_CENTRE, EMAIL, PARTNER, REVIEW);

  private Channels() {}
}
