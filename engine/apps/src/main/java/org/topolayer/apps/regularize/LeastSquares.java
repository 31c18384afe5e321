package org.topolayer.apps.regularize;

/**
 * Dense least-squares helpers on a row-major n×p design matrix: the minimum-norm OLS solution,
 * predictions and mean squared error. Small dense problems only (p, n in the hundreds).
 */
public final class LeastSquares {
    private LeastSquares() {}

    /**
     * The minimum-norm minimizer of ||Xβ − y||²: (XᵀX)⁻¹Xᵀy when n ≥ p, Xᵀ(XXᵀ)⁻¹y when n &lt; p
     * (assuming X has full rank, which Gaussian designs have almost surely).
     */
    public static double[] minimumNorm(double[] x, int n, int p, double[] y) {
        return ridge(x, n, p, y, 0);
    }

    /**
     * The minimizer of (1/n)||Xβ − y||² + ε||β||²: (XᵀX + nεI)⁻¹Xᵀy, computed as Xᵀ(XXᵀ + nεI)⁻¹y
     * when n &lt; p; ε = 0 gives {@link #minimumNorm}.
     */
    public static double[] ridge(double[] x, int n, int p, double[] y, double epsilon) {
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("ridge parameter must be >= 0, got " + epsilon);
        }
        double shift = n * epsilon;
        if (n >= p) {
            double[][] gram = new double[p][p];
            double[] rhs = new double[p];
            for (int r = 0; r < n; r++) {
                int o = r * p;
                for (int i = 0; i < p; i++) {
                    double xi = x[o + i];
                    rhs[i] += xi * y[r];
                    for (int j = 0; j <= i; j++) {
                        gram[i][j] += xi * x[o + j];
                    }
                }
            }
            for (int i = 0; i < p; i++) {
                gram[i][i] += shift;
            }
            return choleskySolve(symmetric(gram), rhs);
        }
        double[][] gram = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int i = 0; i < p; i++) {
                    s += x[a * p + i] * x[b * p + i];
                }
                gram[a][b] = s;
            }
        }
        for (int a = 0; a < n; a++) {
            gram[a][a] += shift;
        }
        double[] alpha = choleskySolve(symmetric(gram), y);
        double[] beta = new double[p];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < p; i++) {
                beta[i] += x[r * p + i] * alpha[r];
            }
        }
        return beta;
    }

    private static double[][] symmetric(double[][] lower) {
        for (int i = 0; i < lower.length; i++) {
            for (int j = 0; j < i; j++) {
                lower[j][i] = lower[i][j];
            }
        }
        return lower;
    }

    /** Solves A z = b for symmetric positive definite A (Cholesky); A is overwritten. */
    static double[] choleskySolve(double[][] a, double[] b) {
        int n = b.length;
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= a[j][k] * a[j][k];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("matrix is not positive definite (pivot " + j + ")");
            }
            double l = Math.sqrt(d);
            a[j][j] = l;
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= a[i][k] * a[j][k];
                }
                a[i][j] = s / l;
            }
        }
        double[] z = b.clone();
        for (int i = 0; i < n; i++) {
            double s = z[i];
            for (int k = 0; k < i; k++) {
                s -= a[i][k] * z[k];
            }
            z[i] = s / a[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) {
                s -= a[k][i] * z[k];
            }
            z[i] = s / a[i][i];
        }
        return z;
    }

    /** Xβ. */
    public static double[] predict(double[] x, int n, int p, double[] beta) {
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            double s = 0;
            int o = r * p;
            for (int i = 0; i < p; i++) {
                s += x[o + i] * beta[i];
            }
            out[r] = s;
        }
        return out;
    }

    /** mean((Xβ − y)²). */
    public static double mse(double[] x, int n, int p, double[] y, double[] beta) {
        double[] pred = predict(x, n, p, beta);
        double s = 0;
        for (int r = 0; r < n; r++) {
            double d = pred[r] - y[r];
            s += d * d;
        }
        return s / n;
    }

    /**
     * (1/n)||Xβ − y||², writing its gradient (2/n)Xᵀ(Xβ − y) into {@code gradient} (overwritten).
     */
    public static double lossAndGradient(double[] x, int n, int p, double[] y, double[] beta, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        double s = 0;
        for (int r = 0; r < n; r++) {
            int o = r * p;
            double res = -y[r];
            for (int i = 0; i < p; i++) {
                res += x[o + i] * beta[i];
            }
            s += res * res;
            double c = 2 * res / n;
            for (int i = 0; i < p; i++) {
                gradient[i] += c * x[o + i];
            }
        }
        return s / n;
    }
}
