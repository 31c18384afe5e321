package org.topolayer.persistence.rips;

import java.util.Arrays;
import org.topolayer.complex.EuclideanDistance;
import org.topolayer.limits.SizeEstimate;

/**
 * Memory estimate of a Vietoris–Rips computation ({@link RipsPersistence}),
 * found in O(n) distance evaluations per sampled point, before the O(n²) work starts.
 *
 * <p>The engine holds the distance triangle and its ranks (12 bytes a pair of points), the edges
 * within the threshold (sorted, with neighbour lists or a square rank matrix), every k-simplex for
 * 2 ≤ k &lt; maxdim (each dimension's list produces the next one's columns), and the columns of
 * dimension maxdim that are neither cleared nor in an apparent pair: measured under 1% of the
 * maxdim-simplices on random clouds, counted here as {@value #TOP_COLUMN_SHARE}. Edges are counted
 * from the distances of {@value #SAMPLED_POINTS} sampled points to (a stride of) all others;
 * k-simplices are bounded by Σ_v C(deg v, k) / (k + 1), exact for the complete graph and an
 * overcount (about 2× for triangles of planar clouds) otherwise. The threshold in effect is the
 * smaller of the given one and the sampled points' smallest eccentricity (an upper bound of the
 * enclosing radius the engine stops at).
 *
 * <p>Large point clouds with a finite threshold take the sparse path (no distance triangle,
 * {@link RipsPersistence#usesSparsePath}): there the edges
 * are counted exactly by the engine's own neighbour search before anything else is allocated, and
 * the k-simplices are bounded with the exact degrees; the constants per edge and per point are
 * measured peaks (the smallest heap that runs, docs/benchmarks.md).
 */
public final class RipsSize implements SizeEstimate {
    static final int SAMPLED_POINTS = 32;
    static final int SAMPLED_DISTANCES = 2048;
    /** Distance triangle (8, freed after ranking) and rank triangle (4). */
    static final double BYTES_PER_PAIR = 12;
    /** The square rank matrix that replaces neighbour lists when most pairs are edges. */
    static final double BYTES_PER_PAIR_DENSE = 8;
    /** Sort keys, sort buffers and edge lists while ranking (44), neighbour lists in both directions (8), measured. */
    static final double BYTES_PER_EDGE = 56;
    /** A listed simplex (rank and index: 12 bytes, in a list grown 1.5× at a time). */
    static final double BYTES_PER_SIMPLEX = 18;
    /** A column of the top dimension: listed, sorted, with its share of the pivot table. */
    static final double BYTES_PER_COLUMN = 40;
    /** Share of the top-dimension simplices that become columns (apparent pairs and clearing remove the rest). */
    static final double TOP_COLUMN_SHARE = 0.02;
    /**
     * Sparse path, per edge within the threshold: found edges, their sort, the edge list and neighbour
     * lists. Calibrated on 100 000 uniform planar points at 0.008 (1.1 M edges, H1): 108 gives 1.1× the
     * smallest heap that runs, 102 MiB (bench/limits/smallest-heap.sh; 96 gave 0.99×).
     */
    static final double SPARSE_BYTES_PER_EDGE = 108;
    /** Sparse path, per point: the k-d tree, list offsets, binomial table rows and union-find. */
    static final double SPARSE_BYTES_PER_POINT = 64;

    private final int n;
    private final int maxDimension;
    private final double threshold;
    private final long inputBytes;
    /** Per sampled point: sorted distances to a stride of the others, and the stride's weight. */
    private final double[][] sampled;
    private final double[] weight;
    /** The smallest eccentricity among the sampled points: the engine never looks beyond it. */
    private final double radius;
    /** Sparse path: every point's number of neighbours within the threshold (exact); null otherwise. */
    private final int[] degrees;
    /** Points (not a distance matrix): a finite threshold may take the sparse path. */
    private final boolean points;
    /** Sparse distances given as triples: always the sparse path, nothing sampled. */
    private final boolean triples;

    private interface Distance {
        double between(int a, int b);
    }

    private RipsSize(int n, int maxDimension, double threshold, long inputBytes, Distance distance, boolean points,
                     int[] degrees) {
        this.degrees = degrees;
        this.points = points;
        this.triples = distance == null;
        this.n = n;
        this.maxDimension = maxDimension;
        this.threshold = threshold;
        this.inputBytes = inputBytes;
        int s = distance == null ? 0 : Math.min(n, SAMPLED_POINTS);
        sampled = new double[s][];
        weight = new double[s];
        double smallestEccentricity = n < 2 || s == 0 ? 0 : Double.POSITIVE_INFINITY;
        for (int k = 0; k < s; k++) {
            int v = (int) ((long) k * n / s);
            int stride = Math.max(1, (n - 2) / SAMPLED_DISTANCES + 1);
            double[] kept = new double[(n - 1) / stride + 1];
            int count = 0;
            double eccentricity = 0;
            for (int u = 0, other = 0; u < n; u++) {
                if (u == v) {
                    continue;
                }
                double d = distance.between(v, u);
                eccentricity = Math.max(eccentricity, d);
                if (other++ % stride == 0) {
                    kept[count++] = d;
                }
            }
            sampled[k] = Arrays.copyOf(kept, count);
            Arrays.sort(sampled[k]);
            weight[k] = count == 0 ? 0 : (double) (n - 1) / count;
            smallestEccentricity = Math.min(smallestEccentricity, eccentricity);
        }
        radius = distance == null ? Double.POSITIVE_INFINITY : smallestEccentricity;
    }

    /** Rips of points (rows of equal length) with the engine's Euclidean distance. */
    public static RipsSize ofPoints(double[][] points, int maxDimension, double threshold) {
        int d = points.length == 0 ? 0 : points[0].length;
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != d) {
                throw new IllegalArgumentException("point " + i + " has " + points[i].length + " coordinates, expected "
                        + d + " (ragged rows)");
            }
        }
        long input = (long) points.length * (16 + 8L * d);
        int[] degrees = RipsPersistence.usesSparsePath(points.length, threshold)
                ? PointNeighbors.degrees(points, threshold) : null;
        return new RipsSize(points.length, maxDimension, threshold, input,
                (a, b) -> EuclideanDistance.between(points[a], points[b]), true, degrees);
    }

    /** Rips of sparse distances (triples): the edges within the threshold and their degrees, exactly. */
    public static RipsSize ofSparseDistances(int n, int[] rows, int[] cols, double[] distances, int maxDimension,
                                             double threshold) {
        int[] degrees = new int[n];
        for (int k = 0; k < rows.length; k++) {
            if (distances[k] <= threshold && rows[k] >= 0 && rows[k] < n && cols[k] >= 0 && cols[k] < n) {
                degrees[rows[k]]++;
                degrees[cols[k]]++;
            }
        }
        return new RipsSize(n, maxDimension, threshold, 16L * rows.length, null, false, degrees);
    }

    /** Rips of a square distance matrix. */
    public static RipsSize ofDistanceMatrix(double[][] distances, int maxDimension, double threshold) {
        int n = distances.length;
        for (int i = 0; i < n; i++) {
            if (distances[i].length != n) {
                throw new IllegalArgumentException("distance matrix is not square: row " + i + " has "
                        + distances[i].length + " entries, expected " + n);
            }
        }
        return new RipsSize(n, maxDimension, threshold, (long) n * (16 + 8L * n), (a, b) -> distances[a][b], false, null);
    }

    @Override
    public long bytes() {
        return bytesAt(threshold, maxDimension);
    }

    /** The estimate with another threshold or maxdim. */
    long bytesAt(double t, int maxdim) {
        double pairs = (double) n * (n - 1) / 2;
        int top = Math.min(maxdim, n - 2);
        double cut;
        double bytes;
        if (triples || (points && RipsPersistence.usesSparsePath(n, t))) { // the sparse path cuts at the threshold
            cut = t;
            double edges = edges(cut);
            bytes = inputBytes + SPARSE_BYTES_PER_POINT * n + SPARSE_BYTES_PER_EDGE * edges;
            if (top >= 1 && edges >= 0.5 * pairs && n <= 20_000) {
                bytes += BYTES_PER_PAIR_DENSE * pairs; // the square rank matrix of a nearly complete graph
            }
        } else {
            cut = Math.min(t, radius);
            double edges = edges(cut);
            bytes = inputBytes + BYTES_PER_PAIR * pairs + BYTES_PER_EDGE * edges;
            if (top >= 1 && edges >= 0.5 * pairs) {
                bytes += BYTES_PER_PAIR_DENSE * pairs;
            }
        }
        for (int k = 2; k < top; k++) {
            bytes += BYTES_PER_SIMPLEX * simplices(cut, k);
        }
        if (top >= 2) {
            bytes += BYTES_PER_COLUMN * TOP_COLUMN_SHARE * simplices(cut, top);
        }
        return (long) Math.min(bytes, Long.MAX_VALUE);
    }

    /** Estimated pairs within t (exact at the threshold on the sparse path). */
    double edges(double t) {
        return Math.min(simplices(t, 1), (double) n * (n - 1) / 2);
    }

    /** Estimated upper bound of the k-simplices (k + 1 points pairwise within t): Σ_v C(deg v, k) / (k + 1). */
    double simplices(double t, int k) {
        if (degrees != null && t == threshold) {
            double sum = 0;
            for (int degree : degrees) {
                sum += SizeEstimate.choose(degree, k);
            }
            return Math.min(sum / (k + 1), SizeEstimate.choose(n, k + 1));
        }
        if (sampled.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int s = 0; s < sampled.length; s++) {
            sum += SizeEstimate.choose(weight[s] * within(sampled[s], t), k);
        }
        return Math.min(sum * n / sampled.length / (k + 1), SizeEstimate.choose(n, k + 1));
    }

    private static int within(double[] sorted, double t) {
        int i = Arrays.binarySearch(sorted, t);
        if (i < 0) {
            return -i - 1;
        }
        while (i + 1 < sorted.length && sorted[i + 1] == t) {
            i++;
        }
        return i + 1;
    }

    @Override
    public String describe() {
        int top = Math.min(maxDimension, n - 2);
        double cut = degrees != null ? threshold : Math.min(threshold, radius);
        if (triples) {
            return "Rips up to H" + maxDimension + " of " + n + " points given as sparse distances (" + (long) edges(cut)
                    + " pairs within the threshold)";
        }
        StringBuilder counts = new StringBuilder(SizeEstimate.approx(edges(cut)) + " edges");
        for (int k = 2; k <= top; k++) {
            counts.append(k == top ? " and " : ", ").append(SizeEstimate.approx(simplices(cut, k))).append(' ')
                    .append(simplexName(k));
        }
        return "Rips up to H" + maxDimension + " of " + n + " points (about " + counts + ")";
    }

    private static String simplexName(int k) {
        return switch (k) {
            case 2 -> "triangles";
            case 3 -> "tetrahedra";
            default -> k + "-simplices";
        };
    }

    @Override
    public String remedy(long budget) {
        String options = "";
        double t = largestThresholdWithin(budget);
        if (t > 0) {
            options = "--threshold " + roundDown(t);
        }
        for (int k = maxDimension - 1; k >= 0; k--) {
            if (bytesAt(threshold, k) <= budget) {
                options += (options.isEmpty() ? "" : " or ") + "--maxdim " + k;
                break;
            }
        }
        if (!options.isEmpty()) {
            return "use " + options;
        }
        if (triples || (points && RipsPersistence.usesSparsePath(n, threshold))) {
            return "use a smaller --threshold, or fewer points";
        }
        long fit = (long) Math.sqrt(2 * Math.max(0, budget - inputBytes) / BYTES_PER_PAIR);
        return "use fewer points: the distances alone take " + (int) BYTES_PER_PAIR + " bytes a pair, so at most about "
                + fit + " points fit";
    }

    /**
     * The largest sampled distance below the threshold in effect at which the estimate fits, or 0.
     * For points a threshold means the sparse path, whose estimate counts the edges exactly: the
     * sampled count at the suggestion may be low, so the suggestion leaves a quarter of the budget.
     */
    private double largestThresholdWithin(long fullBudget) {
        long budget = points && RipsPersistence.usesSparsePath(n, 1) ? fullBudget * 3 / 4 : fullBudget;
        double cut = degrees != null ? threshold : Math.min(threshold, radius);
        double[] candidates = Arrays.stream(sampled).flatMapToDouble(Arrays::stream).filter(d -> d > 0
                && d < cut).sorted().distinct().toArray();
        int lo = -1, hi = candidates.length; // candidates[lo] fits (or lo = -1); candidates[hi] does not
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (bytesAt(candidates[mid], maxDimension) <= budget) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo < 0 ? 0 : candidates[lo];
    }

    /** t rounded down to two significant digits, so the suggestion is a plain number that still fits. */
    static String roundDown(double t) {
        java.math.BigDecimal d = new java.math.BigDecimal(t).round(new java.math.MathContext(2, java.math.RoundingMode.DOWN));
        return d.stripTrailingZeros().toPlainString();
    }
}
