package org.topolayer.nn;

import java.util.Arrays;

/**
 * Per-feature standardization z = (v − mean) / std, fitted on training rows; constant features
 * (std below 1e-12) are only centred. Its backward divides by std. Immutable.
 */
public final class Standardizer {
    private final double[] mean;
    private final double[] std;

    public Standardizer(double[] mean, double[] std) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException(mean.length + " means but " + std.length + " standard deviations");
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** Mean and (population) standard deviation of each column. */
    public static Standardizer fit(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("cannot fit a standardizer to no rows");
        }
        int d = rows[0].length;
        double[] mean = new double[d], std = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(std[j] / rows.length);
            std[j] = s < 1e-12 ? 1 : s;
        }
        return new Standardizer(mean, std);
    }

    public int size() {
        return mean.length;
    }

    public double[] apply(double[] row) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, the standardizer " + mean.length);
        }
        double[] z = new double[row.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = (row[j] - mean[j]) / std[j];
        }
        return z;
    }

    public double[][] apply(double[][] rows) {
        return Arrays.stream(rows).map(this::apply).toArray(double[][]::new);
    }

    /** d/d(row) from d/dz: divides by std. */
    public double[] backward(double[] dz) {
        double[] out = new double[dz.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = dz[j] / std[j];
        }
        return out;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] std() {
        return std.clone();
    }
}
