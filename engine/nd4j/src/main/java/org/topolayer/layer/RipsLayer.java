package org.topolayer.layer;

import java.util.Arrays;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.rips.RipsPersistence;

/**
 * TopologyLayer's {@code RipsLayer}: Vietoris–Rips persistence of a point cloud, shape [n, d], or of
 * a distance matrix, shape [n, n] (symmetric, zero diagonal). A simplex enters at its longest edge,
 * and that edge carries the gradient: to its two points (points), or half to each of the two
 * symmetric matrix entries (distance matrix; the gradient is symmetric). Ties: the engine's
 * lexicographically smallest longest edge. Optional threshold: edges longer than it are left out
 * and classes alive at it are essential; a large cloud with a threshold takes the engine's sparse
 * path (no n² table), with the same diagrams and sources. Limits: those of {@link RipsPersistence}
 * (at most 65 535 points without a threshold; memory grows with the number of edges within it).
 */
public final class RipsLayer extends PersistenceLayer {
    private final boolean distanceMatrix;
    private final double threshold;

    private RipsLayer(int maxDimension, double threshold, boolean distanceMatrix) {
        super(maxDimension);
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("threshold must be ≥ 0 (or +∞ for none), got " + threshold);
        }
        this.threshold = threshold;
        this.distanceMatrix = distanceMatrix;
    }

    /** Points in any dimension, no threshold. */
    public static RipsLayer ofPoints(int maxDimension) {
        return ofPoints(maxDimension, Double.POSITIVE_INFINITY);
    }

    public static RipsLayer ofPoints(int maxDimension, double threshold) {
        return new RipsLayer(maxDimension, threshold, false);
    }

    /** A distance matrix, no threshold. */
    public static RipsLayer ofDistanceMatrix(int maxDimension) {
        return ofDistanceMatrix(maxDimension, Double.POSITIVE_INFINITY);
    }

    public static RipsLayer ofDistanceMatrix(int maxDimension, double threshold) {
        return new RipsLayer(maxDimension, threshold, true);
    }

    public double threshold() {
        return threshold;
    }

    public boolean takesDistanceMatrix() {
        return distanceMatrix;
    }

    @Override
    protected void checkShape(int[] shape) {
        if (shape.length != 2 || (distanceMatrix && shape[0] != shape[1])) {
            throw new IllegalArgumentException("this layer takes " + (distanceMatrix ? "a square distance matrix, shape [n, n]"
                    : "points, shape [n, d]") + ", got shape " + Arrays.toString(shape));
        }
    }

    @Override
    protected PersistenceDiagrams compute(double[] input, int[] shape) {
        double[][] rows = rows(input, shape[0], shape[1]);
        return distanceMatrix ? RipsPersistence.ofDistanceMatrix(rows, maxDimension(), threshold)
                : RipsPersistence.ofPoints(rows, maxDimension(), threshold);
    }
}
