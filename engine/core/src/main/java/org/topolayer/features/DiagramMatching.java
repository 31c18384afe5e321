package org.topolayer.features;

/**
 * Optimal partial matchings between the finite points of two diagrams, unmatched points going to
 * the diagonal, under the L∞ ground metric (as GUDHI and Hera): the standard reduction to a
 * square assignment of size n + m in which each point may also take its own diagonal slot and
 * diagonal slots match each other at no cost.
 */
final class DiagramMatching {
    private DiagramMatching() {}

    /** For each finite point of a, the point of b it is matched to, or -1 for the diagonal; minimises Σ cost^p. */
    static int[] wasserstein(FinitePoints a, FinitePoints b, double p) {
        int n = a.size(), m = b.size();
        double[][] cost = new double[n + m][n + m];
        double forbidden = 1;
        for (int i = 0; i < n; i++) {
            forbidden += Math.pow(a.toDiagonal(i), p);
        }
        for (int j = 0; j < m; j++) {
            forbidden += Math.pow(b.toDiagonal(j), p);
        }
        for (int i = 0; i < n + m; i++) {
            for (int j = 0; j < n + m; j++) {
                cost[i][j] = i < n && j < m ? Math.pow(a.to(i, b, j), p)
                        : i < n ? (j - m == i ? Math.pow(a.toDiagonal(i), p) : forbidden)
                        : j < m ? (i - n == j ? Math.pow(b.toDiagonal(j), p) : forbidden)
                        : 0;
            }
        }
        int[] colOfRow = Hungarian.assign(cost);
        int[] partner = new int[n];
        for (int i = 0; i < n; i++) {
            partner[i] = colOfRow[i] < m ? colOfRow[i] : -1;
        }
        return partner;
    }

    /**
     * Whether a matching exists in which every matched pair and every point sent to the diagonal
     * is within {@code radius}: augmenting paths on the thresholded augmented graph, O((n + m)³).
     */
    static boolean existsWithin(FinitePoints a, FinitePoints b, double radius) {
        int n = a.size(), m = b.size();
        int[] rowOfCol = new int[n + m];
        java.util.Arrays.fill(rowOfCol, -1);
        for (int row = 0; row < n + m; row++) {
            if (!augment(a, b, radius, row, rowOfCol, new boolean[n + m])) {
                return false;
            }
        }
        return true;
    }

    private static boolean augment(FinitePoints a, FinitePoints b, double radius, int row, int[] rowOfCol,
                                   boolean[] seen) {
        int n = a.size(), m = b.size();
        for (int col = 0; col < n + m; col++) {
            if (seen[col] || !allowed(a, b, radius, row, col)) {
                continue;
            }
            seen[col] = true;
            if (rowOfCol[col] < 0 || augment(a, b, radius, rowOfCol[col], rowOfCol, seen)) {
                rowOfCol[col] = row;
                return true;
            }
        }
        return false;
    }

    private static boolean allowed(FinitePoints a, FinitePoints b, double radius, int row, int col) {
        int n = a.size(), m = b.size();
        if (row < n) {
            return col < m ? a.to(row, b, col) <= radius : col - m == row && a.toDiagonal(row) <= radius;
        }
        return col < m ? row - n == col && b.toDiagonal(col) <= radius : true;
    }
}
