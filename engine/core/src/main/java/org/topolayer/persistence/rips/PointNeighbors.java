package org.topolayer.persistence.rips;

import java.util.Arrays;
import org.topolayer.complex.EuclideanDistance;

/**
 * The pairs of points within a threshold, found with a k-d tree instead of all n(n−1)/2 distances:
 * the sparse Rips path's edges. Works in any dimension (in high dimensions the tree prunes less and
 * the search tends to the full scan). Each kept pair's length is {@link EuclideanDistance#between}
 * of the two points, the number the dense path computes, so both paths rank identical values.
 */
final class PointNeighbors {
    /** Points per leaf: small enough to prune, large enough that the tree stays shallow. */
    private static final int LEAF = 12;
    /**
     * Pruning compares one coordinate difference with the threshold; the slack keeps rounding in
     * that difference from dropping a pair whose computed distance is within (the exact test follows).
     */
    private static final double SLACK = 1 + 1e-9;

    private final double[][] points;
    private final int[] order;
    // node arrays: node k covers order[from[k], to[k]); a leaf has axis -1, else children 2k+1, 2k+2
    private final int[] from;
    private final int[] to;
    private final int[] axis;
    private final double[] split;

    private PointNeighbors(double[][] points) {
        this.points = points;
        int n = points.length;
        order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int nodes = 1;
        while (nodes * LEAF < 2 * n) {
            nodes <<= 1;
        }
        nodes = 2 * nodes; // a complete binary tree deep enough for leaves of ≤ LEAF points
        from = new int[nodes];
        to = new int[nodes];
        axis = new int[nodes];
        split = new double[nodes];
        build(0, 0, n);
    }

    /** Edges (a, b, length), a &gt; b, of all pairs with length ≤ threshold; threshold ≥ 0 and finite. */
    static Edges within(double[][] points, double threshold) {
        Edges out = new Edges(Math.max(16, points.length));
        new PointNeighbors(points).search(threshold, out, null);
        return out;
    }

    /** Per point, the number of other points within the threshold (its degree in the Rips graph). */
    static int[] degrees(double[][] points, double threshold) {
        int[] degree = new int[points.length];
        new PointNeighbors(points).search(threshold, null, degree);
        return degree;
    }

    private void build(int node, int lo, int hi) {
        from[node] = lo;
        to[node] = hi;
        if (hi - lo <= LEAF || 2 * node + 2 >= axis.length) {
            axis[node] = -1;
            return;
        }
        int dims = points[order[lo]].length;
        int widest = -1;
        double widestSpread = 0;
        for (int k = 0; k < dims; k++) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                double x = points[order[i]][k];
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            if (max - min > widestSpread) {
                widestSpread = max - min;
                widest = k;
            }
        }
        if (widest < 0) { // every point here is the same point: nothing to split
            axis[node] = -1;
            return;
        }
        int mid = (lo + hi) >>> 1;
        select(lo, hi, mid, widest);
        axis[node] = widest;
        split[node] = points[order[mid]][widest];
        build(2 * node + 1, lo, mid);
        build(2 * node + 2, mid, hi);
    }

    /** Quickselect: order[lo, hi) partitioned so that order[k] holds the k-th smallest coordinate. */
    private void select(int lo, int hi, int k, int coordinate) {
        int left = lo, right = hi - 1;
        while (left < right) {
            double pivot = points[order[(left + right) >>> 1]][coordinate];
            int i = left, j = right;
            while (i <= j) {
                while (points[order[i]][coordinate] < pivot) {
                    i++;
                }
                while (points[order[j]][coordinate] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i++] = order[j];
                    order[j--] = t;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    /** For every point q, the points p &lt; q within the threshold: into {@code out}, or counted into {@code degree}. */
    private void search(double threshold, Edges out, int[] degree) {
        double reach = threshold * SLACK;
        int[] stack = new int[64 * Math.max(1, Integer.numberOfTrailingZeros(axis.length) + 1)];
        for (int q = 0; q < points.length; q++) {
            double[] pq = points[q];
            int top = 0;
            stack[top++] = 0;
            while (top > 0) {
                int node = stack[--top];
                int a = axis[node];
                if (a < 0) {
                    for (int i = from[node]; i < to[node]; i++) {
                        int p = order[i];
                        if (p < q) {
                            double d = EuclideanDistance.between(pq, points[p]);
                            if (d <= threshold) {
                                if (out != null) {
                                    out.add(q, p, d);
                                } else {
                                    degree[q]++;
                                    degree[p]++;
                                }
                            }
                        }
                    }
                    continue;
                }
                double diff = pq[a] - split[node];
                if (diff <= reach) { // the left child holds coordinates ≤ the split
                    stack[top++] = 2 * node + 1;
                }
                if (diff >= -reach) { // the right child holds coordinates ≥ the split
                    stack[top++] = 2 * node + 2;
                }
            }
        }
    }

    /** A growable list of edges (larger point, smaller point, length) in three primitive arrays. */
    static final class Edges {
        int[] high;
        int[] low;
        double[] length;
        int size;

        Edges(int capacity) {
            high = new int[capacity];
            low = new int[capacity];
            length = new double[capacity];
        }

        void add(int a, int b, double d) {
            if (size == high.length) {
                int grown = size + (size >> 1) + 16;
                high = Arrays.copyOf(high, grown);
                low = Arrays.copyOf(low, grown);
                length = Arrays.copyOf(length, grown);
            }
            high[size] = a;
            low[size] = b;
            length[size] = d;
            size++;
        }
    }
}
