/**
 * Themes in what customers write: texts are represented by a sentence-embedding model that runs
 * in-process ({@link SentenceEmbedder}) alongside sparse TF-IDF features ({@link TfIdf}); a
 * softmax classifier learns a team's themes from labelled examples ({@link ThemeClassifier}), and
 * k-means finds themes nobody labelled yet ({@link ThemeDiscovery}).
 */
package io.wayfinder.core.voc.themes;
