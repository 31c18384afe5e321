package org.topolayer.layer;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between INDArray and the row-major primitive arrays the persistence core works on. */
public final class NdArrays {
    private NdArrays() {}

    /** The entries in row-major order, as doubles (one copy, whatever the array's order or type). */
    public static double[] toDoubles(INDArray a) {
        if (a.length() == 0) {
            return new double[0];
        }
        return a.reshape('c', new long[] {a.length()}).toDoubleVector();
    }

    /** The shape as ints, checking that every axis fits. */
    public static int[] intShape(INDArray a) {
        long[] shape = a.shape();
        int[] out = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("axis " + i + " of shape " + Arrays.toString(shape) + " is too long");
            }
            out[i] = (int) shape[i];
        }
        return out;
    }

    /** A new array of the given shape and type holding {@code values} (row-major). */
    public static INDArray of(double[] values, long[] shape, DataType type) {
        return Nd4j.create(values, shape, type.isFPType() ? type : DataType.DOUBLE);
    }

    /** An n×2 array of (birth, death) rows. */
    public static INDArray bars(double[] births, double[] deaths, DataType type) {
        double[] flat = new double[2 * births.length];
        for (int i = 0; i < births.length; i++) {
            flat[2 * i] = births[i];
            flat[2 * i + 1] = deaths[i];
        }
        return of(flat, new long[] {births.length, 2}, type);
    }

    /** Splits an n×2 gradient into its birth and death columns; null stays null (no gradient). */
    static double[][] columns(INDArray bars, int expectedRows, int dimension) {
        if (bars == null) {
            return new double[][] {null, null};
        }
        long[] s = bars.shape();
        if (s.length != 2 || s[0] != expectedRows || s[1] != 2) {
            throw new IllegalArgumentException("gradient of the H" + dimension + " diagram must be " + expectedRows
                    + "×2, got shape " + Arrays.toString(s));
        }
        double[] flat = toDoubles(bars);
        double[] births = new double[expectedRows];
        double[] deaths = new double[expectedRows];
        for (int i = 0; i < expectedRows; i++) {
            births[i] = flat[2 * i];
            deaths[i] = flat[2 * i + 1];
        }
        return new double[][] {births, deaths};
    }
}
