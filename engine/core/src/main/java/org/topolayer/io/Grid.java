package org.topolayer.io;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * A dense array of finite doubles in row-major (C) order with its shape: a signal (1-D), an image
 * (2-D, rows × columns), a volume (3-D) or a matrix such as a point cloud (n × d). Immutable:
 * arrays are copied on the way in and out.
 */
public final class Grid {
    private final double[] values;
    private final int[] shape;

    private Grid(double[] values, int[] shape) {
        if (shape.length < 1 || shape.length > 3) {
            throw new IllegalArgumentException("a grid has 1, 2 or 3 axes, got " + shape.length);
        }
        long size = 1;
        for (int extent : shape) {
            if (extent < 1) {
                throw new IllegalArgumentException("every axis needs at least one entry, shape " + Arrays.toString(shape));
            }
            size *= extent; // stays below 2^62: each factor and the running size are ints
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large");
            }
        }
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size
                    + " values, got " + values.length);
        }
        this.values = values;
        this.shape = shape;
    }

    public static Grid of(double[] values, int... shape) {
        return new Grid(values.clone(), shape.clone());
    }

    /** For readers that built the arrays themselves and hand them over. */
    static Grid owning(double[] values, int... shape) {
        return new Grid(values, shape);
    }

    public double[] values() {
        return values.clone();
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return values.length;
    }

    public double get(int index) {
        return values[index];
    }

    /** A 2-D grid with a single row or a single column as the 1-D signal it is; otherwise this grid. */
    public Grid squeezeToSignal() {
        if (shape.length == 2 && (shape[0] == 1 || shape[1] == 1)) {
            return new Grid(values, new int[] {values.length});
        }
        return this;
    }

    /** The rows of a matrix (rank 2), or a 1-D grid as a column of one-element rows. */
    public double[][] rows() {
        if (shape.length == 3) {
            throw new IllegalStateException("a 3-D grid has no rows");
        }
        int width = shape.length == 1 ? 1 : shape[1];
        double[][] rows = new double[values.length / width][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(values, r * width, (r + 1) * width);
        }
        return rows;
    }

    /** "3×4" style description of the shape, for messages. */
    public String shapeText() {
        return shapeText(shape);
    }

    static String shapeText(int[] shape) {
        StringJoiner joiner = new StringJoiner("×");
        for (int extent : shape) {
            joiner.add(Integer.toString(extent));
        }
        return joiner.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g && Arrays.equals(shape, g.shape) && Arrays.equals(values, g.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Grid[" + shapeText() + "]";
    }
}
