package org.topolayer.bench.peers;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.topolayer.features.DiagramDistance;
import org.topolayer.io.TsvDiagramReader.Bar;

/**
 * Whether two diagrams of the same input (ours and a peer's, TSV files {@code dim birth death})
 * agree: per dimension, the finite bars within a bottleneck distance of {@code 1e-6 × scale}
 * (scale: the largest absolute finite value in either diagram), and the essential bars equal in
 * count with births within the same tolerance. Zero-length bars are ignored on both sides.
 *
 * <p>The finite distance is first bounded by a matching that pairs the bars in sorted order
 * (any matching's cost bounds the bottleneck distance from above); that settles identical
 * diagrams of any size in O(n log n). Only when the bound is above the tolerance is the exact
 * bottleneck distance computed ({@link DiagramDistance#bottleneck}, cubic: only up to
 * {@value #EXACT_LIMIT} bars a side; above that the bound is reported).
 */
public final class DiagramAgreement {
    /** Relative tolerance of the issue: bottleneck distance below 1e-6 of the scale. */
    public static final double RELATIVE_TOLERANCE = 1e-6;
    static final int EXACT_LIMIT = 1500;

    /**
     * @param agree          every dimension within tolerance
     * @param finiteDistance the largest per-dimension bottleneck distance between finite parts
     *                       (exact, or an upper bound when {@code exact} is false)
     * @param exact          whether finiteDistance is exact rather than an upper bound
     * @param scale          largest absolute finite value in either diagram
     * @param essentialOk    essential bars equal in count and births within tolerance
     * @param bars           finite+essential bar count of each side, "ours/peer"
     * @param detail         a short explanation of the first problem, or "" when they agree
     */
    public record Result(boolean agree, double finiteDistance, boolean exact, double scale, boolean essentialOk,
                         String bars, String detail) {
        /** A compact cell for the table: "yes (≤ 3e-17)" or "NO: …". */
        public String summary() {
            String d = String.format(Locale.ROOT, "%s %.1e", exact ? "=" : "≤", finiteDistance);
            return agree ? "yes (d " + d + ")" : "NO: " + detail;
        }
    }

    private DiagramAgreement() {}

    /** Compares dimensions 0..maxDimension of two diagrams. */
    public static Result compare(List<Bar> ours, List<Bar> peer, int maxDimension) {
        double scale = 0;
        for (List<Bar> side : List.of(ours, peer)) {
            for (Bar b : side) {
                if (Double.isFinite(b.birth())) {
                    scale = Math.max(scale, Math.abs(b.birth()));
                }
                if (Double.isFinite(b.death())) {
                    scale = Math.max(scale, Math.abs(b.death()));
                }
            }
        }
        double tolerance = RELATIVE_TOLERANCE * Math.max(scale, Double.MIN_NORMAL);
        double worst = 0;
        boolean exact = true, essentialOk = true;
        String detail = "";
        int countOurs = 0, countPeer = 0;
        for (int dim = 0; dim <= maxDimension; dim++) {
            double[][] a = finite(ours, dim), b = finite(peer, dim);
            double[] ea = essentialBirths(ours, dim), eb = essentialBirths(peer, dim);
            countOurs += a.length + ea.length;
            countPeer += b.length + eb.length;
            if (ea.length != eb.length) {
                essentialOk = false;
                detail = detail.isEmpty() ? "H" + dim + " essential bars " + ea.length + " vs " + eb.length : detail;
            } else {
                for (int i = 0; i < ea.length; i++) {
                    if (!(Math.abs(ea[i] - eb[i]) <= tolerance)) {
                        essentialOk = false;
                        detail = detail.isEmpty() ? "H" + dim + " essential births differ" : detail;
                        break;
                    }
                }
            }
            double d = sortedMatchingBound(a, b);
            boolean dimExact = d == 0;
            if (d > tolerance && a.length <= EXACT_LIMIT && b.length <= EXACT_LIMIT) {
                d = DiagramDistance.bottleneck(column(a, 0), column(a, 1), column(b, 0), column(b, 1));
                dimExact = true;
            }
            exact &= dimExact;
            if (d > tolerance && detail.isEmpty()) {
                detail = String.format(Locale.ROOT, "H%d finite bars %d vs %d, bottleneck %s %.3g (scale %.3g)", dim,
                        a.length, b.length, dimExact ? "=" : "≤", d, scale);
            }
            worst = Math.max(worst, d);
        }
        boolean agree = essentialOk && worst <= tolerance;
        return new Result(agree, worst, exact, scale, essentialOk, countOurs + "/" + countPeer, agree ? "" : detail);
    }

    /**
     * Cost of the matching that pairs the i-th bars of both lists sorted by (birth, death), the
     * unmatched rest going to the diagonal; also tried sorted by (death, birth). An upper bound
     * of the bottleneck distance, equal to 0 for identical diagrams.
     */
    static double sortedMatchingBound(double[][] a, double[][] b) {
        return Math.min(bound(a, b, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1])),
                bound(a, b, Comparator.<double[]>comparingDouble(p -> p[1]).thenComparingDouble(p -> p[0])));
    }

    private static double bound(double[][] a, double[][] b, Comparator<double[]> order) {
        double[][] x = a.clone(), y = b.clone();
        Arrays.sort(x, order);
        Arrays.sort(y, order);
        int common = Math.min(x.length, y.length);
        double worst = 0;
        for (int i = 0; i < common; i++) {
            worst = Math.max(worst, Math.max(Math.abs(x[i][0] - y[i][0]), Math.abs(x[i][1] - y[i][1])));
        }
        for (double[][] rest : List.of(x, y)) {
            for (int i = common; i < rest.length; i++) {
                worst = Math.max(worst, Math.abs(rest[i][1] - rest[i][0]) / 2);
            }
        }
        return worst;
    }

    private static double[][] finite(List<Bar> bars, int dim) {
        return bars.stream().filter(b -> b.dimension() == dim && Double.isFinite(b.death()) && b.birth() != b.death())
                .map(b -> new double[] {b.birth(), b.death()}).toArray(double[][]::new);
    }

    private static double[] essentialBirths(List<Bar> bars, int dim) {
        return bars.stream().filter(b -> b.dimension() == dim && Double.isInfinite(b.death()))
                .mapToDouble(Bar::birth).sorted().toArray();
    }

    private static double[] column(double[][] bars, int k) {
        return Arrays.stream(bars).mapToDouble(p -> p[k]).toArray();
    }
}
