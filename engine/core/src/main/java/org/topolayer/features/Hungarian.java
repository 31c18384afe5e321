package org.topolayer.features;

import java.util.Arrays;

/**
 * Minimum-cost perfect assignment of a square cost matrix: the Hungarian method with row and
 * column potentials (shortest augmenting paths), O(n³) time, O(n²) for the matrix.
 */
final class Hungarian {
    private Hungarian() {}

    /** column assigned to each row; costs must be finite. */
    static int[] assign(double[][] cost) {
        int n = cost.length;
        double[] rowPotential = new double[n + 1];
        double[] colPotential = new double[n + 1];
        int[] rowOfCol = new int[n + 1];   // 1-based rows; 0 = free; column 0 is the search root
        int[] previous = new int[n + 1];
        double[] slack = new double[n + 1];
        boolean[] visited = new boolean[n + 1];
        for (int row = 1; row <= n; row++) {
            rowOfCol[0] = row;
            int col = 0;
            Arrays.fill(slack, Double.POSITIVE_INFINITY);
            Arrays.fill(visited, false);
            do {
                visited[col] = true;
                int r = rowOfCol[col];
                double delta = Double.POSITIVE_INFINITY;
                int next = 0;
                for (int j = 1; j <= n; j++) {
                    if (!visited[j]) {
                        double reduced = cost[r - 1][j - 1] - rowPotential[r] - colPotential[j];
                        if (reduced < slack[j]) {
                            slack[j] = reduced;
                            previous[j] = col;
                        }
                        if (slack[j] < delta) {
                            delta = slack[j];
                            next = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (visited[j]) {
                        rowPotential[rowOfCol[j]] += delta;
                        colPotential[j] -= delta;
                    } else {
                        slack[j] -= delta;
                    }
                }
                col = next;
            } while (rowOfCol[col] != 0);
            while (col != 0) { // flip the augmenting path back to the root
                int before = previous[col];
                rowOfCol[col] = rowOfCol[before];
                col = before;
            }
        }
        int[] colOfRow = new int[n];
        for (int j = 1; j <= n; j++) {
            colOfRow[rowOfCol[j] - 1] = j - 1;
        }
        return colOfRow;
    }
}
