package org.topolayer.layer;

import java.util.Arrays;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.PrimeField;
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
 * Coefficients Z/2 unless a factory is given a prime p &lt; 2¹⁵ ({@link PrimeField}); the field
 * changes which bars exist, never the longest-edge attribution of a bar's values.
 */
public final class RipsLayer extends PersistenceLayer {
    private final boolean distanceMatrix;
    private final double threshold;
    private final int modulus;

    private RipsLayer(int maxDimension, double threshold, boolean distanceMatrix, int modulus) {
        super(maxDimension);
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("threshold must be ≥ 0 (or +∞ for none), got " + threshold);
        }
        PrimeField.of(modulus); // fail at construction, not at the first forward pass
        this.threshold = threshold;
        this.distanceMatrix = distanceMatrix;
        this.modulus = modulus;
    }

    /** Points in any dimension, no threshold. */
    public static RipsLayer ofPoints(int maxDimension) {
        return ofPoints(maxDimension, Double.POSITIVE_INFINITY);
    }

    public static RipsLayer ofPoints(int maxDimension, double threshold) {
        return ofPoints(maxDimension, threshold, 2);
    }

    /**
     * Points over Z/p.
     *
     * @param modulus the prime p, 2 ≤ p &lt; 2¹⁵
     * @throws IllegalArgumentException when {@code modulus} is not such a prime
     */
    public static RipsLayer ofPoints(int maxDimension, double threshold, int modulus) {
        return new RipsLayer(maxDimension, threshold, false, modulus);
    }

    /** A distance matrix, no threshold. */
    public static RipsLayer ofDistanceMatrix(int maxDimension) {
        return ofDistanceMatrix(maxDimension, Double.POSITIVE_INFINITY);
    }

    public static RipsLayer ofDistanceMatrix(int maxDimension, double threshold) {
        return ofDistanceMatrix(maxDimension, threshold, 2);
    }

    /**
     * A distance matrix over Z/p.
     *
     * @param modulus the prime p, 2 ≤ p &lt; 2¹⁵
     * @throws IllegalArgumentException when {@code modulus} is not such a prime
     */
    public static RipsLayer ofDistanceMatrix(int maxDimension, double threshold, int modulus) {
        return new RipsLayer(maxDimension, threshold, true, modulus);
    }

    /** The prime p of the coefficients Z/p. */
    public int coefficientModulus() {
        return modulus;
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
        return distanceMatrix ? RipsPersistence.ofDistanceMatrix(rows, maxDimension(), threshold, modulus)
                : RipsPersistence.ofPoints(rows, maxDimension(), threshold, modulus);
    }
}
