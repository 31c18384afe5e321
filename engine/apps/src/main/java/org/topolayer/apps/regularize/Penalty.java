package org.topolayer.apps.regularize;

/**
 * A penalty P(β) on a weight vector, with its (sub)gradient. Implementations are immutable and
 * thread-safe.
 */
public interface Penalty {
    /** A short name for tables and figures (e.g. "L1", "Top1"). */
    String name();

    /**
     * P(β); when {@code gradient} is not null, adds {@code weight} × ∇P(β) into it. Where P is not
     * differentiable (|0| for L1, equal neighbours for TV, ties in a diagram) a subgradient is used.
     */
    double evaluate(double[] beta, double[] gradient, double weight);

    /** The diagram feature of a topological penalty (recorded as its spec), null for the classical ones. */
    default org.topolayer.features.DiagramFeature feature() {
        return null;
    }

    /** True for the unpenalized problem (no λ to choose). */
    default boolean isNone() {
        return false;
    }
}
