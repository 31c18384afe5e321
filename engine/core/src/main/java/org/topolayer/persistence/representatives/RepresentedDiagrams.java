package org.topolayer.persistence.representatives;

import org.topolayer.persistence.PersistenceDiagrams;

/**
 * Persistence diagrams with one representative chain per bar, in the diagrams' own bar order:
 * {@link #representative(int, int)} belongs to bar i of {@code diagrams().get(dim)}. Immutable.
 */
public final class RepresentedDiagrams {
    private final PersistenceDiagrams diagrams;
    private final Representatives.Kind kind;
    private final int modulus;
    private final Chain[][] chains;

    RepresentedDiagrams(PersistenceDiagrams diagrams, Representatives.Kind kind, int modulus, Chain[][] chains) {
        this.diagrams = diagrams;
        this.kind = kind;
        this.modulus = modulus;
        this.chains = chains;
    }

    public PersistenceDiagrams diagrams() {
        return diagrams;
    }

    /** Cycles (homology) or cocycles (cohomology). */
    public Representatives.Kind kind() {
        return kind;
    }

    /** The prime p of the coefficients. */
    public int modulus() {
        return modulus;
    }

    /** The representative of bar {@code bar} of dimension {@code dimension}. */
    public Chain representative(int dimension, int bar) {
        return chains[dimension][bar];
    }
}
