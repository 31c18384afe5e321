package org.topolayer.persistence.grid;

/**
 * A pixel's lower link in the Freudenthal grid, as a 6-bit mask. The six neighbours, taken around
 * the pixel, are directions 0..5: right, down-right, down, left, up-left, up. Neighbours next to
 * each other around it (5 and 0 too) are joined by an edge, so they form a hexagon, and the
 * pixel's six triangles are the sectors between them: sector k lies between directions k and k+1.
 *
 * <p>Given which neighbours come earlier in the pixel order, the arcs are the maximal runs of
 * earlier neighbours around the hexagon. The edges along an arc come before the pixel, so its
 * neighbours are already connected: only one edge per arc can join components. The sectors
 * inside an arc are the triangles whose highest pixel is this one. Precomputed for all 64 masks.
 */
final class LowerLink {
    static final int DIRECTIONS = 6;
    static final int ALL = (1 << DIRECTIONS) - 1;
    private static final byte[] HEADS = new byte[1 << DIRECTIONS];
    private static final int[] ARC_ENDS = new int[1 << DIRECTIONS];

    static {
        for (int mask = 0; mask < ALL; mask++) {
            int heads = 0, ends = 0;
            for (int k = 0; k < DIRECTIONS; k++) {
                if (!has(mask, k)) {
                    continue;
                }
                if (!has(mask, k + DIRECTIONS - 1)) {
                    heads |= 1 << k;
                }
                int end = k;
                while (has(mask, end + 1)) {
                    end = (end + 1) % DIRECTIONS;
                }
                ends |= end << 3 * k;
            }
            HEADS[mask] = (byte) heads;
            ARC_ENDS[mask] = ends;
        }
        HEADS[ALL] = 1; // the whole hexagon: one closed arc, entered at direction 0
    }

    private LowerLink() {}

    private static boolean has(int mask, int direction) {
        return (mask >>> direction % DIRECTIONS & 1) != 0;
    }

    /** One direction per arc of the earlier neighbours: each arc's first, around the pixel. */
    static int heads(int earlier) {
        return HEADS[earlier];
    }

    /** The sectors between two earlier neighbours: the triangles whose highest pixel is this one. */
    static int innerSectors(int earlier) {
        return earlier & (earlier >>> 1 | earlier << DIRECTIONS - 1) & ALL;
    }

    /**
     * The last direction of the arc through direction k, so the sector after the arc is
     * sector arcEnd (the arc's closing side). Not defined when all six neighbours are earlier.
     */
    static int arcEnd(int earlier, int k) {
        return ARC_ENDS[earlier] >>> 3 * k & 7;
    }
}
