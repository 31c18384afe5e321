package org.topolayer.persistence.cubical;

/**
 * The neighbourhoods of the top cells, found once in memory order so that the sweeps in value
 * order read one int a cell instead of the ranks of all its neighbours. Neighbour s is the s-th
 * nonzero step (dz, dy, dx) of {@link #steps} (26 in 3-D, 8 in 2-D with dz = 0); {@link #mask}
 * has bit s set when neighbour s is on the grid and earlier in the order, and bit
 * {@code steps.length + k} set when the cell's face k (of {@link #faceSteps}) lies on the grid's
 * border, with the outside beyond it.
 */
final class TopCellLinks {
    /** The corner-sharing neighbours, as (dz, dy, dx). */
    final int[][] steps;
    /** Index offsets of the steps. */
    final int[] offset;
    /** The face-sharing neighbours: indices into {@link #steps} (±x, ±y, and ±z for volumes). */
    final int[] faceSteps;
    final int[] mask;

    private TopCellLinks(CubicalGrid grid, int[] rank) {
        int d = grid.depth, h = grid.height, w = grid.width, plane = h * w;
        int zRange = grid.topDimension == 3 ? 1 : 0;
        steps = new int[zRange == 1 ? 26 : 8][];
        offset = new int[steps.length];
        faceSteps = new int[2 * grid.topDimension];
        for (int dz = -zRange, s = 0, f = 0; dz <= zRange; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if (dz == 0 && dy == 0 && dx == 0) {
                        continue;
                    }
                    if (Math.abs(dz) + Math.abs(dy) + Math.abs(dx) == 1) {
                        faceSteps[f++] = s;
                    }
                    offset[s] = dz * plane + dy * w + dx;
                    steps[s++] = new int[] {dz, dy, dx};
                }
            }
        }
        mask = new int[grid.size];
        int all = steps.length;
        for (int z = 0, v = 0; z < d; z++) {
            boolean zInside = zRange == 0 || (z > 0 && z < d - 1);
            for (int y = 0; y < h; y++) {
                boolean yzInside = zInside && y > 0 && y < h - 1;
                for (int x = 0; x < w; x++, v++) {
                    int rv = rank[v];
                    int bits = 0;
                    if (yzInside && x > 0 && x < w - 1) {
                        // interior: no bounds, and a branch-free compare (rank[u] - rv < 0 exactly when u is earlier)
                        for (int s = 0; s < all; s++) {
                            bits |= ((rank[v + offset[s]] - rv) >>> 31) << s;
                        }
                    } else {
                        for (int s = 0; s < all; s++) {
                            int[] st = steps[s];
                            int nz = z + st[0], ny = y + st[1], nx = x + st[2];
                            boolean on = nz >= 0 && ny >= 0 && nx >= 0 && nz < d && ny < h && nx < w;
                            if (on && rank[v + offset[s]] < rv) {
                                bits |= 1 << s;
                            } else if (!on) {
                                for (int k = 0; k < faceSteps.length; k++) {
                                    bits |= faceSteps[k] == s ? 1 << (all + k) : 0;
                                }
                            }
                        }
                    }
                    mask[v] = bits;
                }
            }
        }
    }

    /** The mask bit of the neighbour one step (dz, dy, dx) away. */
    int bit(int[] step) {
        for (int s = 0; s < steps.length; s++) {
            if (steps[s][0] == step[0] && steps[s][1] == step[1] && steps[s][2] == step[2]) {
                return 1 << s;
            }
        }
        throw new IllegalArgumentException("no neighbour step " + java.util.Arrays.toString(step));
    }

    static TopCellLinks of(CubicalGrid grid, int[] rank) {
        return new TopCellLinks(grid, rank);
    }

}
