package io.wayfinder.core.collect;

import java.time.Instant;

/**
 * A place events come from (a website, an app, a call-centre system), with the channel its
 * events default to and the write key that authenticates it on the collection API.
 */
public record Source(String id, String name, String channel, String writeKey, Instant createdAt) {}
