package org.topolayer.features;

/**
 * A function of one persistence diagram (births and deaths of one homology dimension, in the
 * diagram's units) with its gradient. Vector-valued in general: a scalar feature has one entry.
 * Implementations are immutable and thread-safe.
 */
public interface DiagramFeature {

    /** The homology dimension whose diagram this feature reads. */
    int dimension();

    /**
     * The feature's entries.
     *
     * @throws IllegalArgumentException if births and deaths differ in length
     */
    double[] value(double[] births, double[] deaths);

    /**
     * Adds the vector–Jacobian product Σ_j upstream[j] · ∂value[j]/∂births[i] to dBirths[i], and
     * likewise for deaths (so the gradient of Σ_j w·value[j] is addGradient with upstream all w).
     *
     * @throws IllegalArgumentException if upstream does not have one entry per feature entry, or
     *     an array's length does not match the diagram
     */
    void addGradient(double[] births, double[] deaths, double[] upstream, double[] dBirths, double[] dDeaths);
}
