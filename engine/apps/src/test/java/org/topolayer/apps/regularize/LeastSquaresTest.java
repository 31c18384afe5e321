package org.topolayer.apps.regularize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Minimum-norm OLS, Adam, the penalized fit against closed forms, and cross-validation's choice of λ. */
class LeastSquaresTest {
    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void minimumNormSolutionInterpolatesAndIsOrthogonalToTheNullSpace() {
        Random rng = new Random(3);
        int n = 30, p = 100;
        Problem.Data d = Problem.sample(Problem.MINUS_ZERO_ONE.trueWeights(p, rng), n, 0.05, rng);
        double[] beta = LeastSquares.minimumNorm(d.x(), n, p, d.y());
        assertArrayEquals(d.y(), LeastSquares.predict(d.x(), n, p, beta), 1e-8, "n < p: Xβ = y");
        for (int k = 0; k < 5; k++) {
            // z = w − (min-norm solution of Xz = Xw) lies in the null space of X
            double[] w = new double[p];
            for (int i = 0; i < p; i++) {
                w[i] = rng.nextGaussian();
            }
            double[] proj = LeastSquares.minimumNorm(d.x(), n, p, LeastSquares.predict(d.x(), n, p, w));
            double[] z = new double[p];
            for (int i = 0; i < p; i++) {
                z[i] = w[i] - proj[i];
            }
            assertArrayEquals(new double[n], LeastSquares.predict(d.x(), n, p, z), 1e-8);
            assertEquals(0, dot(beta, z), 1e-8 * Math.sqrt(dot(z, z)) * Math.sqrt(dot(beta, beta)),
                    "the minimum-norm solution is orthogonal to the null space");
        }
    }

    @Test
    void ridgeWithFewerSamplesThanFeaturesSolvesItsNormalEquations() {
        Random rng = new Random(8);
        int n = 12, p = 30;
        double eps = 0.05;
        Problem.Data d = Problem.sample(Problem.BOXCAR.trueWeights(p, rng), n, 0.1, rng);
        double[] beta = LeastSquares.ridge(d.x(), n, p, d.y(), eps);
        double[] grad = new double[p];
        LeastSquares.lossAndGradient(d.x(), n, p, d.y(), beta, grad);
        for (int i = 0; i < p; i++) {
            assertEquals(0, grad[i] + 2 * eps * beta[i], 1e-10, "gradient of the ridge objective vanishes");
        }
    }

    @Test
    void overdeterminedSolutionSatisfiesTheNormalEquations() {
        Random rng = new Random(4);
        int n = 60, p = 20;
        Problem.Data d = Problem.sample(Problem.SAWTOOTH.trueWeights(p, rng), n, 0.5, rng);
        double[] beta = LeastSquares.minimumNorm(d.x(), n, p, d.y());
        double[] grad = new double[p];
        LeastSquares.lossAndGradient(d.x(), n, p, d.y(), beta, grad);
        assertArrayEquals(new double[p], grad, 1e-10, "Xᵀ(Xβ − y) = 0");
    }

    @Test
    void dataTermGradientMatchesFiniteDifferences() {
        Random rng = new Random(5);
        int n = 7, p = 5;
        Problem.Data d = Problem.sample(new double[] {1, -1, 0, 2, 0.5}, n, 0.1, rng);
        double[] beta = {0.3, -0.2, 0.1, 0.9, -1};
        double[] grad = new double[p];
        double f = LeastSquares.lossAndGradient(d.x(), n, p, d.y(), beta, grad);
        assertEquals(LeastSquares.mse(d.x(), n, p, d.y(), beta), f, 1e-12);
        for (int i = 0; i < p; i++) {
            double[] b = beta.clone();
            b[i] += 1e-6;
            double fd = (LeastSquares.mse(d.x(), n, p, d.y(), b) - f) / 1e-6;
            assertEquals(fd, grad[i], 1e-4);
        }
    }

    @Test
    void adamOnRidgeReachesTheClosedForm() {
        Random rng = new Random(6);
        int n = 40, p = 8;
        double lambda = 0.3;
        Problem.Data d = Problem.sample(Problem.SINUSOID.trueWeights(p, rng), n, 0.2, rng);
        // closed form: (XᵀX/n + λI) β = Xᵀy/n
        double[][] a = new double[p][p];
        double[] rhs = new double[p];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < p; i++) {
                rhs[i] += d.x()[r * p + i] * d.y()[r] / n;
                for (int j = 0; j < p; j++) {
                    a[i][j] += d.x()[r * p + i] * d.x()[r * p + j] / n;
                }
            }
        }
        for (int i = 0; i < p; i++) {
            a[i][i] += lambda;
        }
        double[][] copy = new double[p][];
        for (int i = 0; i < p; i++) {
            copy[i] = a[i].clone();
        }
        double[] exact = LeastSquares.choleskySolve(a, rhs);
        assertArrayEquals(exact, LeastSquares.ridge(d.x(), n, p, d.y(), lambda), 1e-10, "closed form, n >= p");
        assertArrayEquals(exact, LeastSquares.choleskySolve(copy, rhs), 1e-12);
        for (boolean startAtOls : new boolean[] {false, true}) {
            double[] fit = PenalizedFit.fit(d, SQUARED_L2, lambda, new PenalizedFit.Settings(3000, 0.02, startAtOls));
            assertArrayEquals(exact, fit, 2e-3, "start at OLS: " + startAtOls);
        }
    }

    /** Σβᵢ² (ridge), whose penalized fit has a closed form. */
    private static final Penalty SQUARED_L2 = new Penalty() {
        @Override
        public String name() {
            return "ridge";
        }

        @Override
        public double evaluate(double[] beta, double[] gradient, double weight) {
            double sum = 0;
            for (int i = 0; i < beta.length; i++) {
                sum += beta[i] * beta[i];
                if (gradient != null) {
                    gradient[i] += weight * 2 * beta[i];
                }
            }
            return sum;
        }
    };

    @Test
    void crossValidationPicksALargeLambdaForPureNoiseAndASmallOneForAClearSignal() {
        double[] grid = CrossValidation.logGrid(1e-4, 10, 6);
        assertArrayEquals(new double[] {1e-4, 1e-3, 1e-2, 1e-1, 1, 10}, grid, 0);
        PenalizedFit.Settings fit = new PenalizedFit.Settings(300, 0.05, true);
        Random rng = new Random(7);
        int p = 10;
        Problem.Data noise = Problem.sample(new double[p], 40, 1.0, rng);
        CrossValidation.Result r = CrossValidation.select(noise, Penalties.l2(), grid, 4, fit, new Random(1));
        // ||β||₂ (not squared) sets β = 0 once λ exceeds ||∇ of the data term at 0|| ≈ 1 here
        assertTrue(r.lambda() >= 1, "β₀ = 0: shrink all the way, got λ = " + r.lambda());
        double[] beta0 = Problem.SAWTOOTH.trueWeights(p, rng);
        Problem.Data clear = Problem.sample(beta0, 100, 0.05, rng);
        CrossValidation.Result s = CrossValidation.select(clear, Penalties.l2(), grid, 4, fit, new Random(1));
        assertTrue(s.lambda() <= 1e-2, "a clear signal: little shrinkage, got λ = " + s.lambda());
        assertEquals(grid.length, s.errors().length);
    }

    @Test
    void foldsPartitionTheSamples() {
        int[][] folds = CrossValidation.folds(23, 4, new Random(2));
        boolean[] seen = new boolean[23];
        for (int[] f : folds) {
            assertTrue(f.length == 5 || f.length == 6);
            for (int i : f) {
                assertTrue(!seen[i]);
                seen[i] = true;
            }
        }
    }
}
