package io.wayfinder.core.voc.themes;

/** The theme a text was assigned and the model's probability for it (0 … 1). */
public record ThemePrediction(String theme, double confidence) {}
