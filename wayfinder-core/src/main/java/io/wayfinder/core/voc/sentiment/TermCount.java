package io.wayfinder.core.voc.sentiment;

/** How often a sentiment term occurred in a group of texts. */
public record TermCount(String term, long count) {}
