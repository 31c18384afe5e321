package org.topolayer.persistence.rips;

/**
 * Binomial coefficients C(j, k) for 0 ≤ j ≤ n and 0 ≤ k ≤ maxK, the weights of the combinatorial
 * number system: the simplex with vertices v_0 < … < v_d has index Σ C(v_i, i + 1), a bijection
 * between d-simplices on n vertices and 0..C(n, d+1)−1.
 */
final class Binomials {
    private final int stride;
    private final long[] table; // C(j, k) at k * stride + j, so a fixed k is one contiguous row

    /** @throws IllegalArgumentException if C(n, maxK) does not fit in a long */
    Binomials(int n, int maxK) {
        stride = n + 1;
        table = new long[(maxK + 1) * stride];
        for (int j = 0; j <= n; j++) {
            table[j] = 1;
        }
        for (int k = 1; k <= maxK; k++) {
            for (int j = k; j <= n; j++) {
                long sum = table[(k - 1) * stride + j - 1] + table[k * stride + j - 1];
                if (sum < 0) {
                    throw new IllegalArgumentException("simplex indices overflow 64 bits: " + n
                            + " points are too many for simplices of " + maxK + " vertices");
                }
                table[k * stride + j] = sum;
            }
        }
    }

    long get(int j, int k) {
        return table[k * stride + j];
    }

    /**
     * Writes the vertices of the simplex with {@code index} and {@code k} vertices into
     * {@code out[0..k)}, largest first, each below {@code n}.
     */
    void vertices(long index, int k, int n, int[] out) {
        int top = n - 1;
        for (int i = 0; i < k; i++) {
            int kk = k - i;
            top = maxVertex(index, kk, top);
            out[i] = top;
            index -= get(top, kk);
        }
    }

    /**
     * The largest v ≤ top with C(v, k) ≤ index. Closed forms for k = 1 (v = index) and k = 2
     * (v ≈ (1 + √(1 + 8·index)) / 2, corrected for rounding); binary search otherwise.
     */
    private int maxVertex(long index, int k, int top) {
        if (k == 1) {
            return (int) Math.min(index, top);
        }
        int row = k * stride;
        if (k == 2) {
            int v = (int) Math.min(top, (long) ((1 + Math.sqrt(1 + 8.0 * index)) / 2));
            while (table[row + v] > index) {
                v--;
            }
            while (v < top && table[row + v + 1] <= index) {
                v++;
            }
            return v;
        }
        // branch-free binary search: lo stays a vertex with C(lo, k) ≤ index (C(k-1, k) = 0)
        int lo = k - 1;
        int length = top - lo + 1;
        while (length > 1) {
            int half = length >>> 1;
            lo = table[row + lo + half] <= index ? lo + half : lo;
            length -= half;
        }
        return lo;
    }
}
