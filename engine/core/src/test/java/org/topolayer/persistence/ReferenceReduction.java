package org.topolayer.persistence;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.topolayer.filtration.Filtration;

/**
 * The textbook algorithm, kept as the test oracle: build the full boundary matrix from vertex
 * lists (independently of {@link Filtration#facet}), reduce columns left to right over Z/2 (or
 * Z/p: Gaussian elimination with the boundary signs (−1)^k, k the removed vertex's position in the
 * ascending list) with no clearing, twist or shortcuts. Cubic time; for small inputs only.
 */
public final class ReferenceReduction {
    private ReferenceReduction() {}

    public static PersistenceDiagrams compute(Filtration f, int maxDimension) {
        int n = f.size();
        Map<List<Integer>, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(asList(f.vertices(i)), i);
        }
        BitSet[] columns = new BitSet[n];
        for (int j = 0; j < n; j++) {
            columns[j] = new BitSet();
            int[] v = f.vertices(j);
            if (v.length == 1 || v.length > maxDimension + 2) {
                continue;
            }
            for (int k = 0; k < v.length; k++) {
                List<Integer> face = new ArrayList<>(asList(v));
                face.remove(k);
                Integer row = index.get(face);
                if (row == null) {
                    throw new IllegalStateException("face missing: " + face);
                }
                columns[j].set(row);
            }
        }
        int[] columnWithLow = new int[n];
        java.util.Arrays.fill(columnWithLow, -1);
        boolean[] isBirthOfPair = new boolean[n];
        int[] deathOf = new int[n];
        java.util.Arrays.fill(deathOf, -1);
        for (int j = 0; j < n; j++) {
            BitSet col = columns[j];
            while (!col.isEmpty()) {
                int low = col.length() - 1;
                int other = columnWithLow[low];
                if (other < 0) {
                    columnWithLow[low] = j;
                    isBirthOfPair[low] = true;
                    deathOf[low] = j;
                    break;
                }
                col.xor(columns[other]);
            }
        }
        DiagramCollector out = DiagramCollector.forFiltration(f, maxDimension);
        for (int i = 0; i < n; i++) {
            int dim = f.dimension(i);
            if (dim > maxDimension || !columns[i].isEmpty()) {
                continue; // too high, or a negative simplex (a death)
            }
            out.addPair(f, i, isBirthOfPair[i] ? deathOf[i] : -1);
        }
        return out.build();
    }

    /**
     * Over Z/p, p prime (not checked beyond p ≥ 2; the engines validate). Columns are sorted maps
     * row → nonzero coefficient; modular arithmetic in longs, inverses by search.
     */
    public static PersistenceDiagrams compute(Filtration f, int maxDimension, int p) {
        if (p == 2) {
            return compute(f, maxDimension);
        }
        int n = f.size();
        Map<List<Integer>, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(asList(f.vertices(i)), i);
        }
        List<TreeMap<Integer, Long>> columns = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            TreeMap<Integer, Long> column = new TreeMap<>();
            columns.add(column);
            int[] v = f.vertices(j);
            if (v.length == 1 || v.length > maxDimension + 2) {
                continue;
            }
            for (int k = 0; k < v.length; k++) {
                List<Integer> face = new ArrayList<>(asList(v));
                face.remove(k);
                Integer row = index.get(face);
                if (row == null) {
                    throw new IllegalStateException("face missing: " + face);
                }
                column.put(row, k % 2 == 0 ? 1L : p - 1L);
            }
        }
        int[] columnWithLow = new int[n];
        java.util.Arrays.fill(columnWithLow, -1);
        int[] deathOf = new int[n];
        java.util.Arrays.fill(deathOf, -1);
        for (int j = 0; j < n; j++) {
            TreeMap<Integer, Long> col = columns.get(j);
            while (!col.isEmpty()) {
                int low = col.lastKey();
                int other = columnWithLow[low];
                if (other < 0) {
                    columnWithLow[low] = j;
                    deathOf[low] = j;
                    break;
                }
                TreeMap<Integer, Long> o = columns.get(other);
                // col −= (col[low] / o[low]) · o
                long factor = col.get(low) * inverse(o.get(low), p) % p;
                for (Map.Entry<Integer, Long> e : o.entrySet()) {
                    long value = ((col.getOrDefault(e.getKey(), 0L) - factor * e.getValue()) % p + p) % p;
                    if (value == 0) {
                        col.remove(e.getKey());
                    } else {
                        col.put(e.getKey(), value);
                    }
                }
            }
        }
        DiagramCollector out = DiagramCollector.forFiltration(f, maxDimension);
        for (int i = 0; i < n; i++) {
            if (f.dimension(i) > maxDimension || !columns.get(i).isEmpty()) {
                continue;
            }
            out.addPair(f, i, deathOf[i]);
        }
        return out.build();
    }

    private static long inverse(long a, int p) {
        for (long x = 1; x < p; x++) {
            if (a * x % p == 1) {
                return x;
            }
        }
        throw new IllegalStateException(a + " has no inverse mod " + p);
    }

    private static List<Integer> asList(int[] v) {
        List<Integer> l = new ArrayList<>(v.length);
        for (int x : v) {
            l.add(x);
        }
        return l;
    }
}
