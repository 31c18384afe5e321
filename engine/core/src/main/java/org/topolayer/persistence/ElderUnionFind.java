package org.topolayer.persistence;

import java.util.Arrays;

/**
 * Union-find over elements 0..n-1 where each set remembers its oldest element: merging two sets
 * kills the younger one (the elder rule of 0-dimensional persistence). Age is the element index,
 * or a given age array (so elements can stay in memory order while age is a filtration rank).
 * Union by size (the oldest element is tracked apart from the root) and path halving keep
 * operations near-constant. Reusable via {@link #reset}.
 * <p>Internal: shared by the algorithm packages below {@code org.topolayer.persistence}, not API
 * (a module rule, {@code ModuleBoundariesTest}, keeps other packages off it).
 */
public final class ElderUnionFind {
    private int[] parent;
    private int[] oldest;
    private int[] size;
    private int[] age;

    public ElderUnionFind(int n) {
        parent = new int[n];
        oldest = new int[n];
        size = new int[n];
        reset(n);
    }

    /** Makes {@code n} singleton sets aged by element index, growing if needed. */
    public void reset(int n) {
        reset(n, null);
    }

    /** Makes {@code n} singleton sets; element i has age {@code age[i]} (smaller = older), or i if null. */
    public void reset(int n, int[] age) {
        this.age = age;
        if (parent.length < n) {
            parent = new int[n];
            oldest = new int[n];
            size = new int[n];
        }
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            oldest[i] = i;
            size[i] = 1;
        }
    }

    public int find(int x) {
        return root(parent, x);
    }

    /**
     * The root of x's tree in a bare parent array (a root is its own parent), halving the path on
     * the way: the one find of the grid and cubical passes, which keep their own arrays.
     */
    public static int root(int[] parent, int x) {
        while (parent[x] != x) {
            int up = parent[parent[x]];
            parent[x] = up;
            x = up;
        }
        return x;
    }

    /** True if x is the representative of its set (cheaper than {@code find(x) == x}). */
    public boolean isRoot(int x) {
        return parent[x] == x;
    }

    /** The oldest element of x's set. */
    public int oldest(int x) {
        return oldest[find(x)];
    }

    /**
     * Merges the sets of a and b. Returns the oldest element of the younger set (the component
     * that dies), or -1 if a and b were already in one set.
     */
    public int union(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra == rb) {
            return -1;
        }
        int oa = oldest[ra], ob = oldest[rb];
        boolean aIsOlder = age == null ? oa < ob : age[oa] < age[ob];
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        oldest[ra] = aIsOlder ? oa : ob;
        return aIsOlder ? ob : oa;
    }

    @Override
    public String toString() {
        return Arrays.toString(parent);
    }
}
