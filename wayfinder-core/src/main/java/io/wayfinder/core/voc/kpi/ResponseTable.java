package io.wayfinder.core.voc.kpi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Survey responses in columns: scale and score as bytes, each dimension dictionary-encoded as
 * int codes, answer time as epoch milliseconds. About 30 bytes a response; breakdowns scan
 * primitive arrays. Immutable once built.
 */
public final class ResponseTable {
  private static final Dimension[] DIMS = Dimension.values();

  final int size;
  final byte[] scales;
  final byte[] scores;
  /** codes[dimension ordinal][row]. */
  final int[][] codes;
  final long[] epochMillis;
  /** values[dimension ordinal].get(code). */
  final List<List<String>> values;
  final long minMillis;
  final long maxMillis;

  private ResponseTable(Builder b) {
    size = b.size;
    scales = Arrays.copyOf(b.scales, size);
    scores = Arrays.copyOf(b.scores, size);
    codes = new int[DIMS.length][];
    List<List<String>> v = new ArrayList<>();
    for (int d = 0; d < DIMS.length; d++) {
      codes[d] = Arrays.copyOf(b.codes[d], size);
      v.add(List.copyOf(b.dictionaries.get(d).values));
    }
    values = List.copyOf(v);
    epochMillis = Arrays.copyOf(b.epochMillis, size);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long ms : epochMillis) {
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }
    minMillis = min;
    maxMillis = max;
  }

  public static ResponseTable of(Iterable<SurveyResponse> responses) {
    Builder b = builder();
    responses.forEach(b::add);
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Number of responses. */
  public int size() {
    return size;
  }

  /** The distinct values of a dimension, in order first seen. */
  public List<String> values(Dimension dim) {
    return values.get(dim.ordinal());
  }

  int code(Dimension dim, String value) {
    return values.get(dim.ordinal()).indexOf(value);
  }

  /** Collects responses; not thread-safe. */
  public static final class Builder {
    private int size;
    private byte[] scales = new byte[1024];
    private byte[] scores = new byte[1024];
    private final int[][] codes = new int[DIMS.length][1024];
    private long[] epochMillis = new long[1024];
    private final List<Dictionary> dictionaries = new ArrayList<>();

    private Builder() {
      for (int d = 0; d < DIMS.length; d++) dictionaries.add(new Dictionary());
    }

    public Builder add(SurveyResponse r) {
      if (size == scores.length) grow();
      scales[size] = (byte) r.scale().ordinal();
      scores[size] = (byte) r.score();
      for (int d = 0; d < DIMS.length; d++) codes[d][size] = dictionaries.get(d).code(DIMS[d].of(r));
      epochMillis[size] = r.answeredAt().toEpochMilli();
      size++;
      return this;
    }

    public ResponseTable build() {
      return new ResponseTable(this);
    }

    private void grow() {
      int n = scores.length * 2;
      scales = Arrays.copyOf(scales, n);
      scores = Arrays.copyOf(scores, n);
      for (int d = 0; d < DIMS.length; d++) codes[d] = Arrays.copyOf(codes[d], n);
      epochMillis = Arrays.copyOf(epochMillis, n);
    }
  }

  private static final class Dictionary {
    final Map<String, Integer> codes = new HashMap<>();
    final List<String> values = new ArrayList<>();

    int code(String value) {
      Integer c = codes.get(value);
      if (c != null) return c;
      codes.put(value, values.size());
      values.add(value);
      return values.size() - 1;
    }
  }
}
