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
 * The weight-regularization experiment of the paper's §5.1 (Figures 8–9): β* is drawn once per
 * problem and held fixed; for each sample size n and trial a fresh training set (X, ε) and test
 * set are drawn, every penalty is fitted at every λ of a log grid, and λ is chosen two ways:
 * <ul>
 *   <li><b>cv</b>, the honest choice: the least mean held-out MSE of k-fold cross-validation on
 *       the training set;</li>
 *   <li><b>oracle</b>, the TopologyLayer authors' choice ({@code choose_best_lam} in their
 *       regression scripts): the least true prediction error of the fit against β*. With X ~
 *       N(0, I) the expected noise-free prediction MSE on fresh rows is exactly ‖β̂ − β*‖², which
 *       the authors estimate on 10 000 fresh rows; here it is computed exactly. It reads β*, so it
 *       is an upper bound on what a penalty can do, not an estimate of it.</li>
 * </ul>
 * Each choice is scored by its test MSE on fresh noisy data and by ‖β̂ − β*‖².
 *
 * <p>Reproducible: each (problem, n, trial) cell draws its data from its own seed, and each
 * penalty its folds from its own seed, so results do not depend on the thread count, on the
 * order the cells finish in, or on which other problems and penalties are run.
 */
public final class RegressionExperiment {
    /**
     * The experiment's settings: {@code pointPenalties} are fitted on the problems whose β is read
     * as 1-D points, {@code signalPenalties} on those read as a signal.
     */
    public record Settings(long seed, int p, int[] sampleSizes, int trials, double noise, int testSize,
                           List<Problem> problems, List<String> pointPenalties, List<String> signalPenalties,
                           double[] lambdaGrid, int folds, PenalizedFit.Settings fit, int threads) {
        /** The penalties fitted on a problem, in table order. */
        public List<String> penalties(Problem problem) {
            return problem.isSignal() ? signalPenalties : pointPenalties;
        }
    }

    /** How λ was chosen. */
    public enum Selection {
        /** k-fold cross-validation on the training set. */
        CV("cv"),
        /** The least ‖β̂ − β*‖² (the authors' choice, reads the true weights). */
        ORACLE("oracle");

        private final String id;

        Selection(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The fit at one chosen λ: its test MSE on fresh data and ‖β̂ − β*‖². */
    public record Choice(double lambda, double testMse, double coefError) {}

    /** One penalty on one data set: the cross-validated and the oracle choice, and the CV error of the former. */
    public record Fit(Choice cv, Choice oracle, double cvError) {
        public Choice get(Selection s) {
            return s == Selection.CV ? cv : oracle;
        }
    }

    /** All fits, indexed [problem][penalty of that problem][n][trial]. */
    public record Results(Settings settings, Fit[][][][] fits, double seconds) {
        public double[] testMses(int problem, int penalty, int n, Selection s) {
            return Arrays.stream(fits[problem][penalty][n]).mapToDouble(f -> f.get(s).testMse()).toArray();
        }

        public double[] coefErrors(int problem, int penalty, int n, Selection s) {
            return Arrays.stream(fits[problem][penalty][n]).mapToDouble(f -> f.get(s).coefError()).toArray();
        }

        public double[] lambdas(int problem, int penalty, int n, Selection s) {
            return Arrays.stream(fits[problem][penalty][n]).mapToDouble(f -> f.get(s).lambda()).toArray();
        }
    }

    private RegressionExperiment() {}

    public static Results run(Settings s, PrintWriter progress) throws InterruptedException {
        long start = System.nanoTime();
        int np = s.problems().size(), nn = s.sampleSizes().length;
        Fit[][][][] fits = new Fit[np][][][];
        for (int a = 0; a < np; a++) {
            fits[a] = new Fit[s.penalties(s.problems().get(a)).size()][nn][s.trials()];
        }
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

    /** β* of a problem: drawn once from the seed and the problem, the same for every n and trial. */
    public static double[] trueWeights(Settings s, Problem problem) {
        return problem.trueWeights(s.p(), new Random(mix(s.seed(), problem.ordinal(), -1, -1)));
    }

    /** Fits every penalty on one (problem, n, trial) data set; returns a progress line. */
    private static String cell(Settings s, int a, int c, int trial, Fit[][][][] fits) {
        Problem problem = s.problems().get(a);
        int n = s.sampleSizes()[c];
        long cellSeed = mix(s.seed(), problem.ordinal(), n, trial);
        Random rng = new Random(cellSeed);
        double[] beta0 = trueWeights(s, problem);
        Problem.Data train = Problem.sample(beta0, n, s.noise(), rng);
        Problem.Data test = Problem.sample(beta0, s.testSize(), s.noise(), rng);
        StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%s n=%d trial=%d test MSE (cv/oracle):", problem.id(), n, trial));
        List<String> penalties = s.penalties(problem);
        for (int k = 0; k < penalties.size(); k++) {
            String name = penalties.get(k);
            Penalty penalty = Penalties.byName(name, problem.isSignal());
            Fit fit;
            if (penalty.isNone()) {
                Choice ols = choice(0, PenalizedFit.fit(train, penalty, 0, s.fit()), test, beta0);
                fit = new Fit(ols, ols, Double.NaN);
            } else {
                double[] grid = s.lambdaGrid();
                double[][] betas = new double[grid.length][];
                double[] coefErrors = new double[grid.length];
                for (int l = 0; l < grid.length; l++) {
                    betas[l] = PenalizedFit.fit(train, penalty, grid[l], s.fit());
                    coefErrors[l] = squaredDistance(betas[l], beta0);
                }
                Random foldRng = new Random(mix(cellSeed, Penalties.NAMES.indexOf(name), 0, 0));
                double[] cvErrors = CrossValidation.heldOutErrors(train, penalty, grid, s.folds(), s.fit(), foldRng);
                int cv = CrossValidation.argmin(cvErrors);
                int oracle = CrossValidation.argmin(coefErrors);
                // the fit on all the training data at the chosen λ is the grid's fit (fits are deterministic)
                fit = new Fit(choice(grid[cv], betas[cv], test, beta0), choice(grid[oracle], betas[oracle], test, beta0),
                        cvErrors[cv]);
            }
            fits[a][k][c][trial] = fit;
            line.append(String.format(java.util.Locale.ROOT, " %s %.3g/%.3g", penalty.name(), fit.cv().testMse(),
                    fit.oracle().testMse()));
        }
        return line.toString();
    }

    private static Choice choice(double lambda, double[] beta, Problem.Data test, double[] beta0) {
        return new Choice(lambda, LeastSquares.mse(test.x(), test.n(), test.p(), test.y(), beta),
                squaredDistance(beta, beta0));
    }

    /** ‖a − b‖². */
    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
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
        for (String name : s.penalties(problem)) {
            out.add(Penalties.byName(name, problem.isSignal()).name());
        }
        return out;
    }
}
