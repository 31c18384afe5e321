package org.topolayer.persistence.alpha;

import org.topolayer.limits.SizeEstimate;

/**
 * Memory estimate of alpha persistence of planar points: the Delaunay triangulation has fewer
 * than 3n edges and 2n triangles, so the cost is a fixed amount a point.
 */
public final class AlphaSize implements SizeEstimate {
    /**
     * Points, triangulation, values and union-find a point. Calibrated on 100 000 uniform planar
     * points (exact alpha, H1): the smallest heap that runs is 75 MiB (bench/limits/smallest-heap.sh),
     * 786 bytes a point with the input; 870 puts the estimate at 1.1× (600 had it at 0.76×, under).
     */
    static final double BYTES_PER_POINT = 870;

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
