package org.topolayer.spark.train;

import java.io.Serializable;

/**
 * A vector sum that does not depend on the order of its additions: values are rounded to fixed
 * point (multiples of 2⁻³⁰) once, then added as longs, which is exact and associative. Spark's
 * {@code treeAggregate} merges partition results in whatever order tasks finish; with these sums
 * a step's gradient, and so the trained parameters, are the same on a cluster as in local mode
 * and after a resume. The rounding (below 1e-9 per partition) is far below a float parameter's.
 */
public final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final double SCALE = 0x1p30;
    private static final double LIMIT = 0x1p62;
    private long[] units;

    ExactSum() {} // Kryo

    /** A zero sum of {@code length} entries; one of length 0 is the identity of {@link #merge}. */
    public ExactSum(int length) {
        units = new long[length];
    }

    public int length() {
        return units.length;
    }

    /**
     * Adds {@code values} (rounded to fixed point).
     *
     * @throws IllegalStateException for a value that is not finite or beyond ±2³² (a diverging step)
     */
    public ExactSum add(double[] values) {
        if (values.length != units.length) {
            throw new IllegalArgumentException("adding " + values.length + " values to a sum of " + units.length);
        }
        for (int i = 0; i < values.length; i++) {
            double scaled = values[i] * SCALE;
            if (!(Math.abs(scaled) < LIMIT)) {
                throw diverged(values[i]);
            }
            units[i] = plus(units[i], Math.round(scaled));
        }
        return this;
    }

    /** Adds another sum, exactly. */
    public ExactSum merge(ExactSum other) {
        if (other.units.length == 0) {
            return this;
        }
        if (units.length == 0) {
            units = other.units.clone();
            return this;
        }
        if (other.units.length != units.length) {
            throw new IllegalArgumentException("merging sums of " + units.length + " and " + other.units.length);
        }
        for (int i = 0; i < units.length; i++) {
            units[i] = plus(units[i], other.units[i]);
        }
        return this;
    }

    private static long plus(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw diverged((a / SCALE) + (b / SCALE));
        }
    }

    private static IllegalStateException diverged(double value) {
        return new IllegalStateException("a gradient or loss sum of " + value + " is not finite or beyond ±4.3e9:"
                + " the training diverged; lower --learning-rate or --lambda");
    }

    /** The sum as doubles. */
    public double[] values() {
        double[] out = new double[units.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = units[i] / SCALE;
        }
        return out;
    }
}
