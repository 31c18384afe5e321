package org.topolayer.apps.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each penalty's value and gradient: the gradient against central finite differences, values by hand. */
class PenaltiesTest {
    /** β with distinct entries and distinct gaps, away from the kinks of |·| and of the diagrams. */
    private static double[] generic(int p, long seed) {
        Random rng = new Random(seed);
        double[] b = new double[p];
        for (int i = 0; i < p; i++) {
            b[i] = (rng.nextInt(3) - 1) + 0.3 * rng.nextGaussian() + 1e-3 * i;
        }
        return b;
    }

    private static void checkGradient(Penalty penalty, double[] beta) {
        double[] grad = new double[beta.length];
        double value = penalty.evaluate(beta, grad, 1);
        assertEquals(value, penalty.evaluate(beta, null, 0), 1e-12, penalty.name() + ": value without gradient");
        double h = 1e-7;
        for (int i = 0; i < beta.length; i++) {
            double[] plus = beta.clone(), minus = beta.clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (penalty.evaluate(plus, null, 0) - penalty.evaluate(minus, null, 0)) / (2 * h);
            assertEquals(fd, grad[i], 1e-5 * Math.max(1, Math.abs(fd)), penalty.name() + " d/dβ" + i);
        }
        // the weight scales the gradient added into the array
        double[] twice = new double[beta.length];
        twice[0] = 5;
        penalty.evaluate(beta, twice, 2);
        assertEquals(5 + 2 * grad[0], twice[0], 1e-12, penalty.name() + ": weight and accumulation");
    }

    @Test
    void everyPenaltysGradientMatchesFiniteDifferences() {
        for (long seed = 1; seed <= 5; seed++) {
            double[] beta = generic(40, seed);
            for (String name : Penalties.NAMES) {
                checkGradient(Penalties.byName(name, false), beta);
                checkGradient(Penalties.byName(name, true), beta);
            }
        }
    }

    @Test
    void valuesByHand() {
        double[] b = {1, -2, 0.5};
        assertEquals(3.5, Penalties.l1().evaluate(b, null, 0), 1e-12);
        // norms, not squared, as the authors' penalties.py
        assertEquals(Math.sqrt(5.25), Penalties.l2().evaluate(b, null, 0), 1e-12);
        assertEquals(3 + 2.5, Penalties.totalVariation().evaluate(b, null, 0), 1e-12);
        assertEquals(Math.sqrt(9 + 6.25), Penalties.sobolev().evaluate(b, null, 0), 1e-12);
        assertEquals(0, Penalties.none().evaluate(b, null, 0));
        // points {0, 0.1, 1, 1.2, 3}: H0 bars (gaps) 0.1, 0.9, 0.2, 1.8 and the essential bar.
        // Top1 = E(1,0,2) = every finite bar; Top2 = E(1,0,4) = all but the two longest finite ones
        double[] pts = {1.2, 0, 3, 0.1, 1};
        assertEquals(3.0, Penalties.byName("top1", false).evaluate(pts, null, 0), 1e-12);
        assertEquals(0.3, Penalties.byName("top2", false).evaluate(pts, null, 0), 1e-12);
        assertEquals(1.2, Penalties.clusters("E(1,0,3)", 3).evaluate(pts, null, 0), 1e-12);
        // signal with maxima 3 (global, essential), 2 and 1: superlevel H0 finite bars (2, 0) and (1, 0.5)
        double[] sig = {0, 3, 0, 2, 0.5, 1, 0.7};
        assertEquals(2.5, Penalties.byName("top1", true).evaluate(sig, null, 0), 1e-12);
        assertEquals(0.5, Penalties.maxima("E(1,0,3)", 3).evaluate(sig, null, 0), 1e-12);
        assertEquals(0, Penalties.byName("top2", true).evaluate(sig, null, 0), 1e-12);
        assertEquals("paper:dim=0,p=1,q=0,i0=2",
                org.topolayer.features.FeatureSpec.render(Penalties.byName("top1", true).feature()));
        assertEquals("partialsum:dim=0,skip=2", org.topolayer.features.FeatureSpec.record(
                Penalties.byName("top2", false).feature(), 1).get("finite_bars_feature"));
        assertEquals(null, Penalties.l1().feature());
    }

    @Test
    void clusterPenaltyPullsValuesTogetherWithinClusters() {
        // gradient descent on E(1,0,5;PD0) alone: 4 clusters of values stay 4, spread within each shrinks
        double[] b = generic(30, 9);
        Penalty top = Penalties.clusters("E(1,0,5)", 5);
        double start = top.evaluate(b, null, 0);
        for (int k = 0; k < 200; k++) {
            double[] g = new double[b.length];
            top.evaluate(b, g, 1);
            for (int i = 0; i < b.length; i++) {
                b[i] -= 0.01 * g[i];
            }
        }
        assertTrue(top.evaluate(b, null, 0) < 0.2 * start, "penalty fell from " + start);
    }
}
