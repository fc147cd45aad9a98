package io.wayfinder.core.generate;

/**
 * A browser or phone app of a customer, known by its anonymous id until the customer logs in on
 * it. {@code linkByAlias} says whether that first log-in sends an alias rather than an identify.
 */
record Device(int number, String channel, String anonymousId, long firstUse, boolean linkByAlias) {}
