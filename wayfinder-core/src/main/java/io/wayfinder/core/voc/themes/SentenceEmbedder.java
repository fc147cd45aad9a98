package io.wayfinder.core.voc.themes;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised ONNX), which ships inside its Maven jar
 * and runs in-process on the CPU: nothing is downloaded at run time. Texts are spread over
 * {@code threads} worker threads (one ONNX session, one text at a time per thread), and every
 * vector is of unit length so a dot product is the cosine similarity.
 */
public final class SentenceEmbedder implements AutoCloseable {
  /** The model's output size. */
  public static final int DIMENSION = 384;

  private final ExecutorService pool;
  private final AllMiniLmL6V2QuantizedEmbeddingModel model;

  /** A model using {@code threads} worker threads. */
  public SentenceEmbedder(int threads) {
    pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "embedder");
      t.setDaemon(true);
      return t;
    });
    model = new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
  }

  /** One thread per available core. */
  public static SentenceEmbedder ofAllCores() {
    return new SentenceEmbedder(Runtime.getRuntime().availableProcessors());
  }

  /** The unit-length embedding of each text, in order. */
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    // chunks keep the executor's queue short; each chunk still uses every thread
    int chunk = 512;
    for (int from = 0; from < texts.size(); from += chunk) {
      List<TextSegment> segments = new ArrayList<>();
      for (String t : texts.subList(from, Math.min(texts.size(), from + chunk))) segments.add(TextSegment.from(t));
      List<Embedding> got = model.embedAll(segments).content();
      for (int i = 0; i < got.size(); i++) out[from + i] = unit(got.get(i).vector());
    }
    return out;
  }

  private static float[] unit(float[] v) {
    double n = 0;
    for (float x : v) n += x * x;
    n = Math.sqrt(n);
    if (n > 0) for (int i = 0; i < v.length; i++) v[i] /= (float) n;
    return v;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
