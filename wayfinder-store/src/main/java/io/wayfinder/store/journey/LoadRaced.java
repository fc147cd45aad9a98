package io.wayfinder.store.journey;

/** The event log changed under a load in a way the load cannot absorb; loading again will. */
final class LoadRaced extends RuntimeException {
  LoadRaced(String message) {
    super(message);
  }
}
