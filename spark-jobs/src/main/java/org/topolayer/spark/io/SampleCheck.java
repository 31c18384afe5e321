package org.topolayer.spark.io;

import java.util.Arrays;

/**
 * What is wrong with a sample before any filtration sees it: a source error (unreadable file),
 * no values, a shape that does not match the values, or a value that is NaN or infinite.
 */
public final class SampleCheck {
    private SampleCheck() {}

    /** The problem, in words, or null for a sample every filtration may try. */
    public static String problem(Sample sample) {
        if (sample.getError() != null) {
            return sample.getError();
        }
        double[] values = sample.getValues();
        if (values == null || values.length == 0) {
            return "no values (the values column is null or empty)";
        }
        int[] shape = sample.getShape();
        if (shape != null) {
            long size = 1;
            for (int len : shape) {
                if (len < 1) {
                    return "shape " + Arrays.toString(shape) + " has an axis of length " + len;
                }
                size *= len;
            }
            if (shape.length == 0 || size != values.length) {
                return "shape " + Arrays.toString(shape) + " needs " + size + " values, got " + values.length;
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return "value " + i + " is " + values[i] + " (values must be finite)";
            }
        }
        return null;
    }
}
