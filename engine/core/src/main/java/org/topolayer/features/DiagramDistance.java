package org.topolayer.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Bottleneck and Wasserstein-p distances between two diagrams (one homology dimension each),
 * with the L∞ ground metric and the diagonal, as GUDHI and Hera define them. Essential bars are
 * matched among themselves (those dying at +∞ and those at −∞ separately, by sorted birth); if
 * their counts differ the distance is +∞. Limits: exact algorithms, O((n + m)³) time and
 * O((n + m)²) memory for n and m finite bars (bottleneck: times a log factor), fine up to a few
 * thousand bars.
 */
public final class DiagramDistance {
    private DiagramDistance() {}

    public static double bottleneck(double[] births1, double[] deaths1, double[] births2, double[] deaths2) {
        FinitePoints a = new FinitePoints(births1, deaths1), b = new FinitePoints(births2, deaths2);
        double essential = Math.max(essentialCost(a.essentialUp, b.essentialUp, Double.POSITIVE_INFINITY),
                essentialCost(a.essentialDown, b.essentialDown, Double.POSITIVE_INFINITY));
        List<Double> candidates = new ArrayList<>();
        candidates.add(0.0);
        for (int i = 0; i < a.size(); i++) {
            candidates.add(a.toDiagonal(i));
            for (int j = 0; j < b.size(); j++) {
                candidates.add(a.to(i, b, j));
            }
        }
        for (int j = 0; j < b.size(); j++) {
            candidates.add(b.toDiagonal(j));
        }
        double[] sorted = candidates.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        int lo = 0, hi = sorted.length - 1; // matching everything to the diagonal always fits the largest candidate
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (DiagramMatching.existsWithin(a, b, sorted[mid])) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return Math.max(essential, sorted[lo]);
    }

    /** W_p = (min over matchings of Σ cost^p)^(1/p), p ≥ 1. */
    public static double wasserstein(double[] births1, double[] deaths1, double[] births2, double[] deaths2,
                                     double p) {
        checkExponent(p);
        FinitePoints a = new FinitePoints(births1, deaths1), b = new FinitePoints(births2, deaths2);
        double sum = essentialCost(a.essentialUp, b.essentialUp, p) + essentialCost(a.essentialDown, b.essentialDown, p);
        return Math.pow(sum + finiteCost(a, b, p), 1 / p);
    }

    /** Σ cost^p of an optimal matching of the finite parts. */
    static double finiteCost(FinitePoints a, FinitePoints b, double p) {
        int[] partner = DiagramMatching.wasserstein(a, b, p);
        boolean[] matched = new boolean[b.size()];
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            if (partner[i] >= 0) {
                matched[partner[i]] = true;
                sum += Math.pow(a.to(i, b, partner[i]), p);
            } else {
                sum += Math.pow(a.toDiagonal(i), p);
            }
        }
        for (int j = 0; j < b.size(); j++) {
            sum += matched[j] ? 0 : Math.pow(b.toDiagonal(j), p);
        }
        return sum;
    }

    static void checkExponent(double p) {
        if (!(p >= 1) || Double.isInfinite(p)) {
            throw new IllegalArgumentException("Wasserstein exponent p must be finite and ≥ 1, got " + p);
        }
    }

    /** Σ |Δbirth|^p over sorted births (p = +∞: the largest); +∞ when the counts differ. */
    private static double essentialCost(double[] x, double[] y, double p) {
        if (x.length != y.length) {
            return Double.POSITIVE_INFINITY;
        }
        double out = 0;
        for (int i = 0; i < x.length; i++) {
            double d = Math.abs(x[i] - y[i]);
            out = Double.isInfinite(p) ? Math.max(out, d) : out + Math.pow(d, p);
        }
        return out;
    }
}
