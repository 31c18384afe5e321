package org.topolayer.apps.voxels;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.topolayer.nn.MlpNetwork;

/**
 * A multivariate normal distribution N(μ, Σ) fitted to a set of latent codes: how a GLO decoder
 * (codes learned per training shape, {@link GloPretraining}) becomes a generator. New codes are
 * μ + L ε with L Σ's Cholesky factor and ε standard normal; they fall between and around the
 * learned codes, where the decoder was never trained on a shape. Immutable.
 */
public record LatentGaussian(double[] mean, double[][] cholesky) {
    /** Added to Σ's diagonal, relative to its mean diagonal, so that a degenerate set of codes still factors. */
    static final double JITTER = 1e-6;

    /**
     * The maximum-likelihood normal of {@code codes} (rows; at least 2 of equal length).
     *
     * @throws IllegalArgumentException for fewer than 2 codes or a non-finite entry
     */
    public static LatentGaussian fit(double[][] codes) {
        if (codes.length < 2) {
            throw new IllegalArgumentException("fitting a normal needs at least 2 codes, got " + codes.length);
        }
        int d = codes[0].length;
        double[] mean = new double[d];
        for (double[] c : codes) {
            for (int k = 0; k < d; k++) {
                if (!Double.isFinite(c[k])) {
                    throw new IllegalArgumentException("latent code entry " + c[k] + " is not finite");
                }
                mean[k] += c[k] / codes.length;
            }
        }
        double[][] cov = new double[d][d];
        for (double[] c : codes) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    cov[i][j] += (c[i] - mean[i]) * (c[j] - mean[j]) / codes.length;
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += cov[i][i];
        }
        double jitter = JITTER * Math.max(trace / d, 1e-12);
        for (int i = 0; i < d; i++) {
            cov[i][i] += jitter;
        }
        return new LatentGaussian(mean, cholesky(cov));
    }

    /** The lower-triangular L with L Lᵀ = a (only a's lower triangle is read; a must be positive definite). */
    static double[][] cholesky(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("the covariance is not positive definite (pivot " + s + ")");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    public int dimension() {
        return mean.length;
    }

    /** {@code n} codes drawn from {@code random}, as a float [n, dimension] array. */
    public INDArray sample(int n, SplittableRandom random) {
        int d = mean.length;
        float[] out = new float[n * d];
        double[] eps = new double[d];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < d; k++) {
                eps[k] = MlpNetwork.gaussian(random);
            }
            for (int i = 0; i < d; i++) {
                double v = mean[i];
                for (int k = 0; k <= i; k++) {
                    v += cholesky[i][k] * eps[k];
                }
                out[r * d + i] = (float) v;
            }
        }
        return Nd4j.create(out, new long[] {n, d}, 'c');
    }
}
