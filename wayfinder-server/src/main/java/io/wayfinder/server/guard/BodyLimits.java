package io.wayfinder.server.guard;

import java.util.List;

/**
 * The largest request body each path accepts, by path prefix (first match wins); other paths get
 * {@code otherwise}. Checked before a body is read, so an anonymous client cannot make the server
 * buffer more than the route would ever accept.
 */
public record BodyLimits(List<Prefix> prefixes, long otherwise) {
  /** Bodies under {@code prefix} may be at most {@code maxBytes}. */
  public record Prefix(String prefix, long maxBytes) {}

  public BodyLimits {
    prefixes = List.copyOf(prefixes);
  }

  long forPath(String path) {
    for (Prefix p : prefixes) {
      if (path != null && path.startsWith(p.prefix())) return p.maxBytes();
    }
    return otherwise;
  }
}
