package org.topolayer.persistence;

import java.util.Arrays;

/**
 * Union-find over elements 0..n-1 where each set remembers its oldest element (smallest key):
 * merging two sets kills the younger one (the elder rule of 0-dimensional persistence).
 * Path halving and union by key keep operations near-constant. Reusable via {@link #reset}.
 */
public final class ElderUnionFind {
    private int[] parent;
    private int[] oldest;

    public ElderUnionFind(int n) {
        parent = new int[n];
        oldest = new int[n];
        reset(n);
    }

    /** Makes {@code n} singleton sets, element i being the oldest of its own set, growing if needed. */
    public void reset(int n) {
        if (parent.length < n) {
            parent = new int[n];
            oldest = new int[n];
        }
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            oldest[i] = i;
        }
    }

    public int find(int x) {
        int[] p = parent;
        while (p[x] != x) {
            p[x] = p[p[x]];
            x = p[x];
        }
        return x;
    }

    /** The oldest element of x's set. */
    public int oldest(int x) {
        return oldest[find(x)];
    }

    /**
     * Merges the sets of a and b. Returns the oldest element of the younger set (the component
     * that dies), or -1 if a and b were already in one set. "Younger" compares the oldest
     * elements by {@code keyOrder}: element indices are assumed to be in birth order.
     */
    public int union(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra == rb) {
            return -1;
        }
        int oa = oldest[ra], ob = oldest[rb];
        // attach the younger root under the older one
        if (oa < ob) {
            parent[rb] = ra;
            return ob;
        }
        parent[ra] = rb;
        return oa;
    }

    @Override
    public String toString() {
        return Arrays.toString(parent);
    }
}
