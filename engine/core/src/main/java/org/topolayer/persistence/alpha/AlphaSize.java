package org.topolayer.persistence.alpha;

import org.topolayer.limits.SizeEstimate;

/**
 * Memory estimate of alpha persistence of planar points: the Delaunay triangulation has fewer
 * than 3n edges and 2n triangles, so the cost is a fixed amount a point.
 */
public final class AlphaSize implements SizeEstimate {
    /** Points, triangulation, values and union-find a point (measured: 500). */
    static final double BYTES_PER_POINT = 600;

    private final int points;

    private AlphaSize(int points) {
        this.points = points;
    }

    public static AlphaSize of(int points) {
        return new AlphaSize(points);
    }

    @Override
    public long bytes() {
        return (long) (BYTES_PER_POINT * points);
    }

    @Override
    public String describe() {
        return "alpha persistence of " + points + " points";
    }

    @Override
    public String remedy(long budget) {
        return "use fewer points: about " + SizeEstimate.approx(budget / BYTES_PER_POINT) + " fit";
    }
}
