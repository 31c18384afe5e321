package org.topolayer.persistence.representatives;

import java.util.Arrays;

/**
 * A chain (or cochain) of one dimension with coefficients in Z/p: simplices as ascending vertex
 * lists, in filtration order, each with a nonzero coefficient. Vertex ids are those of the
 * filtration's input: point indices for Rips and alpha, row-major flat indices (r·W + c for an
 * H×W image) for grids, the complex's own vertex ids for a complex. Immutable.
 */
public final class Chain {
    private final int dimension;
    private final int modulus;
    private final int[][] simplices;
    private final int[] coefficients;
    private final double[] values;

    Chain(int dimension, int modulus, int[][] simplices, int[] coefficients, double[] values) {
        this.dimension = dimension;
        this.modulus = modulus;
        this.simplices = simplices;
        this.coefficients = coefficients;
        this.values = values;
    }

    /** The dimension of its simplices. */
    public int dimension() {
        return dimension;
    }

    /** The prime p of the coefficients. */
    public int modulus() {
        return modulus;
    }

    /** Number of simplices with a nonzero coefficient. */
    public int size() {
        return simplices.length;
    }

    /** The vertices of simplex i, ascending. */
    public int[] simplex(int i) {
        return simplices[i].clone();
    }

    /**
     * The filtration value at which simplex i enters, in reported units (as the diagram's bars):
     * a cocycle restricted to the simplices entering by its bar's birth is the cocycle of the
     * complex at that time, the cut a figure draws.
     */
    public double value(int i) {
        return values[i];
    }

    /** The coefficient of simplex i in [1, p) (always 1 over Z/2). */
    public int coefficient(int i) {
        return coefficients[i];
    }

    /** The coefficient of simplex i in (−p/2, p/2], as Ripser prints it: −1 rather than p − 1. */
    public int signedCoefficient(int i) {
        int c = coefficients[i];
        return c > modulus / 2 ? c - modulus : c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chain c && c.dimension == dimension && c.modulus == modulus
                && Arrays.deepEquals(c.simplices, simplices) && Arrays.equals(c.coefficients, coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(simplices) + Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < simplices.length; i++) {
            sb.append(i == 0 ? "" : " + ").append(signedCoefficient(i)).append('*')
                    .append(Arrays.toString(simplices[i]));
        }
        return sb.toString();
    }
}
