package org.topolayer.complex;

import java.util.Arrays;

/**
 * Orders points along a Hilbert curve over their bounding box, so that consecutive insertions
 * into the triangulation are close together and point location walks only a few triangles.
 */
final class HilbertOrder {
    private static final int BITS = 15; // curve index < 2^30: fits above the 32-bit slot index in a long key
    private static final int SIDE = 1 << BITS;

    private HilbertOrder() {}

    /** Sorts {@code ids} (indices into {@code points}) in place by their Hilbert curve index. */
    static void sort(PlanarPoints points, int[] ids) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int id : ids) {
            minX = Math.min(minX, points.x(id));
            maxX = Math.max(maxX, points.x(id));
            minY = Math.min(minY, points.y(id));
            maxY = Math.max(maxY, points.y(id));
        }
        // one scale for both axes: stretching a thin cloud to a square would make the curve
        // leave and re-enter each cluster many times. Halve before subtracting: the extent of
        // finite doubles can overflow.
        double halfExtent = Math.max(maxX / 2 - minX / 2, maxY / 2 - minY / 2);
        double scale = halfExtent > 0 ? (SIDE - 1) / halfExtent : 0;
        long[] keys = new long[ids.length];
        for (int k = 0; k < ids.length; k++) {
            int id = ids[k];
            int cx = cell((points.x(id) / 2 - minX / 2) * scale);
            int cy = cell((points.y(id) / 2 - minY / 2) * scale);
            keys[k] = (curveIndex(cx, cy) << 32) | k;
        }
        Arrays.sort(keys);
        int[] original = ids.clone();
        for (int k = 0; k < ids.length; k++) {
            ids[k] = original[(int) keys[k]];
        }
    }

    private static int cell(double scaled) {
        return (int) Math.min(SIDE - 1, Math.max(0, scaled));
    }

    /** Position of cell (x, y) along the Hilbert curve of a SIDE × SIDE grid. */
    private static long curveIndex(int x, int y) {
        long d = 0;
        for (int s = SIDE >>> 1; s > 0; s >>>= 1) {
            int rx = (x & s) != 0 ? 1 : 0;
            int ry = (y & s) != 0 ? 1 : 0;
            d += (long) s * s * ((3 * rx) ^ ry);
            if (ry == 0) { // rotate the quadrant so the sub-curve joins its neighbours
                if (rx == 1) {
                    x = SIDE - 1 - x;
                    y = SIDE - 1 - y;
                }
                int t = x;
                x = y;
                y = t;
            }
        }
        return d;
    }
}
