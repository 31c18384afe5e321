package org.topolayer.apps.regularize;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The weight-regularization experiment of the paper's §5.1 (Figures 8–9): for each problem, sample
 * size n and trial, draws β₀ and a training set, fits every penalty with λ chosen by k-fold
 * cross-validation on a log grid, and measures the test MSE on a fresh test set.
 *
 * <p>Reproducible: each (problem, n, trial) cell draws its data from its own seed, and each
 * penalty its folds from its own seed, so results do not depend on the thread count, on the
 * order the cells finish in, or on which other problems and penalties are run.
 */
public final class RegressionExperiment {
    /** The experiment's settings. */
    public record Settings(long seed, int p, int[] sampleSizes, int trials, double noise, int testSize,
                           List<Problem> problems, List<String> penalties, double[] lambdaGrid, int folds,
                           PenalizedFit.Settings fit, int threads) {}

    /** One fitted model: its test MSE, chosen λ and held-out CV error. */
    public record Fit(double testMse, double lambda, double cvError) {}

    /** All fits, indexed [problem][penalty][n][trial]. */
    public record Results(Settings settings, Fit[][][][] fits, double seconds) {
        public double[] testMses(int problem, int penalty, int n) {
            return Arrays.stream(fits[problem][penalty][n]).mapToDouble(Fit::testMse).toArray();
        }

        public double[] lambdas(int problem, int penalty, int n) {
            return Arrays.stream(fits[problem][penalty][n]).mapToDouble(Fit::lambda).toArray();
        }
    }

    private RegressionExperiment() {}

    public static Results run(Settings s, PrintWriter progress) throws InterruptedException {
        long start = System.nanoTime();
        int np = s.problems().size(), nk = s.penalties().size(), nn = s.sampleSizes().length;
        Fit[][][][] fits = new Fit[np][nk][nn][s.trials()];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, s.threads()), r -> {
            Thread t = new Thread(r, "regress");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<String> done = new ExecutorCompletionService<>(pool);
            int total = 0;
            for (int a = 0; a < np; a++) {
                for (int c = 0; c < nn; c++) {
                    for (int trial = 0; trial < s.trials(); trial++) {
                        int pa = a, pc = c, pt = trial;
                        done.submit(() -> cell(s, pa, pc, pt, fits));
                        total++;
                    }
                }
            }
            for (int k = 1; k <= total; k++) {
                Future<String> f = done.take();
                String line;
                try {
                    line = f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
                if (progress != null) {
                    progress.printf(java.util.Locale.ROOT, "[%d/%d %.0fs] %s%n", k, total,
                            (System.nanoTime() - start) / 1e9, line);
                    progress.flush();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Results(s, fits, (System.nanoTime() - start) / 1e9);
    }

    /** Fits every penalty on one (problem, n, trial) data set; returns a progress line. */
    private static String cell(Settings s, int a, int c, int trial, Fit[][][][] fits) {
        Problem problem = s.problems().get(a);
        int n = s.sampleSizes()[c];
        long cellSeed = mix(s.seed(), problem.ordinal(), n, trial);
        Random rng = new Random(cellSeed);
        double[] beta0 = problem.trueWeights(s.p(), rng);
        Problem.Data train = Problem.sample(beta0, n, s.noise(), rng);
        Problem.Data test = Problem.sample(beta0, s.testSize(), s.noise(), rng);
        StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "%s n=%d trial=%d test MSE:",
                problem.id(), n, trial));
        for (int k = 0; k < s.penalties().size(); k++) {
            String name = s.penalties().get(k);
            Penalty penalty = Penalties.byName(name, problem.isSignal());
            Random foldRng = new Random(mix(cellSeed, Penalties.NAMES.indexOf(name), 0, 0));
            CrossValidation.Result cv = CrossValidation.select(train, penalty, s.lambdaGrid(), s.folds(), s.fit(),
                    foldRng);
            double mse = LeastSquares.mse(test.x(), test.n(), test.p(), test.y(), cv.beta());
            fits[a][k][c][trial] = new Fit(mse, cv.lambda(), cv.cvError());
            line.append(String.format(java.util.Locale.ROOT, " %s %.4g", penalty.name(), mse));
        }
        return line.toString();
    }

    /** A seed from a base seed and three coordinates (SplitMix64 finalizer). */
    static long mix(long seed, long a, long b, long c) {
        long z = seed;
        for (long v : new long[] {a, b, c}) {
            z += 0x9E3779B97F4A7C15L * (v + 1);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
        }
        return z;
    }

    /** Mean, first quartile, median and third quartile (linear interpolation between order statistics). */
    public static double[] summary(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        return new double[] {mean, quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75)};
    }

    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Display names of the configured penalties for a problem. */
    public static List<String> displayNames(Settings s, Problem problem) {
        List<String> out = new ArrayList<>();
        for (String name : s.penalties()) {
            out.add(Penalties.byName(name, problem.isSignal()).name());
        }
        return out;
    }
}
