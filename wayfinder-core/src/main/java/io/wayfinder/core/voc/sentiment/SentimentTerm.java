package io.wayfinder.core.voc.sentiment;

/**
 * A lexicon word as it counted in one text: lower-cased, with the valence it contributed after
 * boosters, negation, capitals and "but" were applied (so "not good" gives "good" a negative one).
 */
public record SentimentTerm(String term, double valence) {}
