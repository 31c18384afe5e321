package org.topolayer.apps.generate;

import java.util.Arrays;
import java.util.List;
import org.topolayer.features.DiagramDistance;
import org.topolayer.layer.SampleParallel;
import org.topolayer.persistence.Diagram;

/**
 * Sample-quality metrics of a generated set against a reference (real) set, from distance
 * matrices (so the same code serves L2 between images and 1-Wasserstein between diagrams).
 * The paper's metrics (Achlioptas et al. 2018, as their reference code computes them; a
 * reference × generated distance matrix D, rows the reference set B, columns the generated set A):
 * <ul>
 *   <li><b>MMD</b>, minimum matching distance ({@link #minimumMatchingDistance}): the mean over
 *       references b of min over generated a of d(a, b). 0 when every reference has an exact copy
 *       among the generated samples. Lower is better.</li>
 *   <li><b>COV</b>, coverage ({@link #coverage}): the fraction of references that are the nearest
 *       reference of at least one generated sample. Between 1/|B| (every generated sample nearest
 *       to one reference) and min(1, |A|/|B|). Higher is better.</li>
 *   <li><b>Inception score</b> ({@link #inceptionScore}) exp(E_x KL(p(y|x) ‖ p(y))) from a
 *       classifier's class probabilities; p(y) is their mean. Higher is better (at most the number
 *       of classes).</li>
 * </ul>
 * Both depend on the set sizes (compare runs with equal |A| and |B|). Kept beside them as extra
 * figures (not the paper's):
 * <ul>
 *   <li><b>Kernel MMD</b> with a Gaussian kernel k(a, b) = exp(−d(a, b)² / (2σ²)): the square root of the
 *       biased (V-statistic) estimate mean k(X, X) + mean k(Y, Y) − 2 mean k(X, Y), which is exactly
 *       0 for two identical sets. Bandwidth σ: the median of the distances between distinct real
 *       samples (the median heuristic on the reference set only, so that before and after are
 *       measured with the same kernel). Lower is better.</li>
 *   <li><b>Naeem coverage</b> (Naeem et al., ICML 2020): the fraction of real samples whose k-nearest-
 *       neighbour ball among the real samples (radius = distance to the k-th nearest other real
 *       sample) contains at least one generated sample. 1 for a set against itself. Higher is
 *       better.</li>
 * </ul>
 * Distance matrices are computed in parallel over rows.
 */
public final class SampleMetrics {
    private SampleMetrics() {}

    /** Euclidean distances between every row of {@code a} and every row of {@code b}. */
    public static double[][] l2Distances(double[][] a, double[][] b) {
        double[][] d = new double[a.length][b.length];
        SampleParallel.forEach(a.length, i -> {
            for (int j = 0; j < b.length; j++) {
                double s = 0;
                double[] x = a[i], y = b[j];
                for (int k = 0; k < x.length; k++) {
                    double t = x[k] - y[k];
                    s += t * t;
                }
                d[i][j] = Math.sqrt(s);
            }
        });
        return d;
    }

    /** A diagram's bars (births, deaths), for distances. */
    public record Bars(double[] births, double[] deaths) {
        /** The bars of {@code d} without finite bars shorter than {@code minPersistence} (essential bars stay). */
        public static Bars of(Diagram d, double minPersistence) {
            int n = 0;
            for (int i = 0; i < d.size(); i++) {
                n += d.isEssential(i) || d.persistence(i) >= minPersistence ? 1 : 0;
            }
            double[] b = new double[n], e = new double[n];
            for (int i = 0, k = 0; i < d.size(); i++) {
                if (d.isEssential(i) || d.persistence(i) >= minPersistence) {
                    b[k] = d.birth(i);
                    e[k++] = d.death(i);
                }
            }
            return new Bars(b, e);
        }
    }

    /**
     * 1-Wasserstein distances (L∞ ground metric, {@link DiagramDistance}) between every pair of
     * diagrams; pass the same list twice for a symmetric matrix (half the work).
     */
    public static double[][] w1Distances(List<Bars> a, List<Bars> b) {
        double[][] d = new double[a.size()][b.size()];
        boolean symmetric = a == b;
        SampleParallel.forEach(a.size(), i -> {
            Bars x = a.get(i);
            for (int j = symmetric ? i + 1 : 0; j < b.size(); j++) {
                Bars y = b.get(j);
                d[i][j] = DiagramDistance.wasserstein(x.births(), x.deaths(), y.births(), y.deaths(), 1);
            }
        });
        if (symmetric) {
            for (int i = 0; i < d.length; i++) {
                for (int j = 0; j < i; j++) {
                    d[i][j] = d[j][i];
                }
            }
        }
        return d;
    }

    /** The median of the off-diagonal entries of a square distance matrix (the kernel bandwidth). */
    public static double medianBandwidth(double[][] realReal) {
        int n = realReal.length;
        if (n < 2) {
            throw new IllegalArgumentException("the median heuristic needs at least two samples");
        }
        double[] off = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                off[k++] = realReal[i][j];
            }
        }
        Arrays.sort(off);
        double median = off.length % 2 == 1 ? off[off.length / 2] : (off[off.length / 2 - 1] + off[off.length / 2]) / 2;
        return median > 0 ? median : 1;
    }

    /**
     * Achlioptas et al.'s minimum matching distance: the mean over rows (references) of the row's
     * smallest entry (the distance to the nearest generated sample).
     *
     * @param referenceGenerated d(reference i, generated j), at least one row and one column
     */
    public static double minimumMatchingDistance(double[][] referenceGenerated) {
        checkMatrix(referenceGenerated);
        double sum = 0;
        for (double[] row : referenceGenerated) {
            double nearest = Double.POSITIVE_INFINITY;
            for (double v : row) {
                nearest = Math.min(nearest, v);
            }
            sum += nearest;
        }
        return sum / referenceGenerated.length;
    }

    /**
     * Achlioptas et al.'s coverage: each column (generated sample) is matched to the row
     * (reference) at its smallest entry (the first on ties); the fraction of rows matched at least once.
     *
     * @param referenceGenerated d(reference i, generated j), at least one row and one column
     */
    public static double coverage(double[][] referenceGenerated) {
        checkMatrix(referenceGenerated);
        int rows = referenceGenerated.length, columns = referenceGenerated[0].length;
        boolean[] matched = new boolean[rows];
        for (int j = 0; j < columns; j++) {
            int nearest = 0;
            for (int i = 1; i < rows; i++) {
                if (referenceGenerated[i][j] < referenceGenerated[nearest][j]) {
                    nearest = i;
                }
            }
            matched[nearest] = true;
        }
        int count = 0;
        for (boolean m : matched) {
            count += m ? 1 : 0;
        }
        return count / (double) rows;
    }

    /** A non-empty rectangular matrix of non-negative distances (NaN is rejected: it would silently never be nearest). */
    private static void checkMatrix(double[][] d) {
        if (d.length == 0 || d[0].length == 0) {
            throw new IllegalArgumentException("the distance matrix is empty: both sets need at least one sample");
        }
        for (int i = 0; i < d.length; i++) {
            if (d[i].length != d[0].length) {
                throw new IllegalArgumentException("distance matrix row " + i + " has " + d[i].length
                        + " entries, row 0 has " + d[0].length);
            }
            for (double v : d[i]) {
                if (!(v >= 0)) {
                    throw new IllegalArgumentException("distance matrix row " + i + " holds " + v
                            + "; distances must be non-negative numbers");
                }
            }
        }
    }

    /**
     * Kernel MMD (biased estimate, square-rooted) between real X and generated Y from their distance matrices.
     *
     * @param sigma the Gaussian kernel's bandwidth
     */
    public static double kernelMmd(double[][] realReal, double[][] generatedGenerated, double[][] realGenerated, double sigma) {
        double xx = meanKernel(realReal, sigma), yy = meanKernel(generatedGenerated, sigma),
                xy = meanKernel(realGenerated, sigma);
        return Math.sqrt(Math.max(0, xx + yy - 2 * xy));
    }

    private static double meanKernel(double[][] d, double sigma) {
        double s = 0;
        long count = 0;
        double scale = 1 / (2 * sigma * sigma);
        for (double[] row : d) {
            for (double v : row) {
                s += Math.exp(-v * v * scale);
            }
            count += row.length;
        }
        return s / count;
    }

    /**
     * Naeem et al.'s coverage: the fraction of real samples i with min_j d(real i, generated j) ≤ the distance
     * from real i to its k-th nearest other real sample.
     */
    public static double naeemCoverage(double[][] realReal, double[][] realGenerated, int k) {
        int n = realReal.length;
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("coverage needs 1 ≤ k < number of real samples (" + n + "), got " + k);
        }
        int covered = 0;
        for (int i = 0; i < n; i++) {
            double[] others = new double[n - 1];
            for (int j = 0, m = 0; j < n; j++) {
                if (j != i) {
                    others[m++] = realReal[i][j];
                }
            }
            Arrays.sort(others);
            double radius = others[k - 1];
            double nearest = Double.POSITIVE_INFINITY;
            for (double v : realGenerated[i]) {
                nearest = Math.min(nearest, v);
            }
            covered += nearest <= radius ? 1 : 0;
        }
        return covered / (double) n;
    }

    /**
     * The inception score exp(mean over samples of KL(p(y|x) ‖ p(y))) for rows of class
     * probabilities, p(y) their mean (one split: the whole set). Between 1 (every sample gets the
     * same distribution) and the number of classes (confident, balanced predictions).
     *
     * @throws IllegalArgumentException if there are no rows, rows differ in length, or a row is
     *         not a probability distribution (entries ≥ 0 summing to 1 within 1e-3)
     */
    public static double inceptionScore(double[][] probabilities) {
        if (probabilities.length == 0 || probabilities[0].length == 0) {
            throw new IllegalArgumentException("the inception score needs at least one row of class probabilities");
        }
        int n = probabilities.length, c = probabilities[0].length;
        for (int i = 0; i < n; i++) {
            if (probabilities[i].length != c) {
                throw new IllegalArgumentException("probability row " + i + " has " + probabilities[i].length
                        + " classes, row 0 has " + c);
            }
            double sum = 0;
            for (double p : probabilities[i]) {
                if (!(p >= 0)) {
                    throw new IllegalArgumentException("probability row " + i + " holds " + p
                            + "; class probabilities must be ≥ 0");
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > 1e-3) {
                throw new IllegalArgumentException("probability row " + i + " sums to " + sum
                        + ", not 1: pass softmax outputs, not logits");
            }
        }
        double[] marginal = new double[c];
        for (double[] p : probabilities) {
            for (int y = 0; y < c; y++) {
                marginal[y] += p[y] / n;
            }
        }
        double kl = 0;
        for (double[] p : probabilities) {
            for (int y = 0; y < c; y++) {
                if (p[y] > 0) {
                    kl += p[y] * (Math.log(p[y]) - Math.log(marginal[y])) / n;
                }
            }
        }
        return Math.exp(kl);
    }
}
