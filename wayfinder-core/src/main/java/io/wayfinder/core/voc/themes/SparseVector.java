package io.wayfinder.core.voc.themes;

/**
 * A sparse feature vector: {@code index[i]} holds {@code value[i]}, indices ascending and distinct.
 * Dense features (an embedding) are the same thing with every index present, so the classifier and
 * k-means need one code path only.
 */
public record SparseVector(int[] index, float[] value) {

  /** A dense vector as a sparse one, its entries at {@code offset, offset + 1, …}. */
  public static SparseVector dense(float[] values, int offset) {
    int[] idx = new int[values.length];
    for (int i = 0; i < idx.length; i++) idx[i] = offset + i;
    return new SparseVector(idx, values.clone());
  }

  /** {@code a} followed by {@code b}; {@code b}'s indices must all exceed {@code a}'s. */
  public static SparseVector concat(SparseVector a, SparseVector b) {
    int[] idx = new int[a.size() + b.size()];
    float[] val = new float[idx.length];
    System.arraycopy(a.index, 0, idx, 0, a.size());
    System.arraycopy(b.index, 0, idx, a.size(), b.size());
    System.arraycopy(a.value, 0, val, 0, a.size());
    System.arraycopy(b.value, 0, val, a.size(), b.size());
    return new SparseVector(idx, val);
  }

  public int size() {
    return index.length;
  }

  /** The dot product with the dense vector {@code w} starting at {@code w[offset]}. */
  public double dot(float[] w, int offset) {
    double s = 0;
    for (int i = 0; i < index.length; i++) s += value[i] * w[offset + index[i]];
    return s;
  }

  /** The same vector with entries scaled by {@code factor}. */
  public SparseVector scaled(float factor) {
    float[] val = value.clone();
    for (int i = 0; i < val.length; i++) val[i] *= factor;
    return new SparseVector(index, val);
  }
}
