package org.topolayer.persistence.alpha;

import org.topolayer.limits.SizeEstimate;

/**
 * Memory estimate of alpha persistence of planar points: the Delaunay triangulation has fewer
 * than 3n edges and 2n triangles, so the cost is a fixed amount a point.
 */
public final class AlphaSize implements SizeEstimate {
    /**
     * Exact alpha: points, triangulation, circumradii and union-find a point. Calibrated on 100 000
     * uniform planar points (H1): the smallest heap that runs is 75 MiB (bench/limits/smallest-heap.sh),
     * 786 bytes a point with the input; 870 puts the estimate at 1.1×.
     */
    static final double EXACT_BYTES_PER_POINT = 870;
    /** Weak alpha (edge lengths only): 200 000 points ran in 95 MiB, 498 bytes a point; 550 is 1.1×. */
    static final double WEAK_BYTES_PER_POINT = 550;

    private final int points;
    private final double bytesPerPoint;

    private AlphaSize(int points, double bytesPerPoint) {
        this.points = points;
        this.bytesPerPoint = bytesPerPoint;
    }

    public static AlphaSize of(int points, AlphaMode mode) {
        return new AlphaSize(points, mode == AlphaMode.EXACT ? EXACT_BYTES_PER_POINT : WEAK_BYTES_PER_POINT);
    }

    @Override
    public long bytes() {
        return (long) (bytesPerPoint * points);
    }

    @Override
    public String describe() {
        return "alpha persistence of " + points + " points";
    }

    @Override
    public String remedy(long budget) {
        return "use fewer points: about " + SizeEstimate.approx(budget / bytesPerPoint) + " fit";
    }
}
