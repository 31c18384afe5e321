package org.topolayer.apps.regularize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.topolayer.apps.regularize.RegressionExperiment.Selection;

/** The experiment runner: reproducible whatever the thread count, and the summary statistics. */
class RegressionExperimentTest {
    private static RegressionExperiment.Settings small(int threads, List<String> penalties) {
        return new RegressionExperiment.Settings(11, 20, new int[] {15, 25}, 2, 0.05, 50,
                List.of(Problem.MINUS_ZERO_ONE, Problem.BOXCAR), penalties, penalties,
                CrossValidation.logGrid(1e-3, 1, 2), 3, new PenalizedFit.Settings(40, 0.02, true), threads);
    }

    @Test
    void resultsDoNotDependOnThreadsOrOnTheOtherPenalties() throws InterruptedException {
        RegressionExperiment.Results one = RegressionExperiment.run(small(1, Penalties.NAMES), null);
        RegressionExperiment.Results two = RegressionExperiment.run(small(2, Penalties.NAMES), null);
        RegressionExperiment.Results onlyTop = RegressionExperiment.run(small(2, List.of("top1")), null);
        int top1 = Penalties.NAMES.indexOf("top1");
        for (int a = 0; a < 2; a++) {
            for (int k = 0; k < Penalties.NAMES.size(); k++) {
                for (int c = 0; c < 2; c++) {
                    for (Selection sel : Selection.values()) {
                        assertArrayEquals(one.testMses(a, k, c, sel), two.testMses(a, k, c, sel), 0);
                        assertArrayEquals(one.lambdas(a, k, c, sel), two.lambdas(a, k, c, sel), 0);
                    }
                }
            }
            for (int c = 0; c < 2; c++) {
                for (Selection sel : Selection.values()) {
                    assertArrayEquals(one.testMses(a, top1, c, sel), onlyTop.testMses(a, 0, c, sel), 0);
                    assertArrayEquals(one.coefErrors(a, top1, c, sel), onlyTop.coefErrors(a, 0, c, sel), 0);
                }
            }
        }
    }

    @Test
    void trueWeightsAreFixedPerProblemAndTheOracleIsNeverWorseOnCoefficients() throws InterruptedException {
        RegressionExperiment.Settings s = small(2, List.of("ols", "l2", "top1"));
        RegressionExperiment.Results r = RegressionExperiment.run(s, null);
        assertArrayEquals(RegressionExperiment.trueWeights(s, Problem.MINUS_ZERO_ONE),
                RegressionExperiment.trueWeights(small(1, List.of("l1")), Problem.MINUS_ZERO_ONE), 0);
        for (int a = 0; a < 2; a++) {
            for (int k = 0; k < 3; k++) {
                for (int c = 0; c < 2; c++) {
                    double[] cv = r.coefErrors(a, k, c, Selection.CV), oracle = r.coefErrors(a, k, c, Selection.ORACLE);
                    for (int t = 0; t < cv.length; t++) {
                        assertTrue(oracle[t] <= cv[t], "the oracle minimizes ||β̂ − β*||² over the same grid");
                        if (k == 0) {
                            assertEquals(cv[t], oracle[t], 0, "OLS has no λ");
                        }
                    }
                }
            }
        }
    }

    @Test
    void summaryIsMeanAndQuartiles() {
        double[] s = RegressionExperiment.summary(new double[] {4, 1, 3, 2, 10});
        assertArrayEquals(new double[] {4, 2, 3, 4}, s, 1e-12);
        assertEquals(2.5, RegressionExperiment.quantile(new double[] {1, 2, 3, 4}, 0.5), 1e-12);
    }

    @Test
    void problemsHaveTheirShapes() {
        java.util.Random rng = new java.util.Random(1);
        // the authors' (t mod 1)·2 − 1 on t = linspace(0, 3, 100): teeth restart at 33, 66 and 99
        double[] saw = Problem.SAWTOOTH.trueWeights(100, rng);
        assertEquals(-1, saw[0], 1e-12);
        assertEquals(-1, saw[33], 1e-12);
        assertEquals(-1, saw[66], 1e-12);
        assertEquals(-1, saw[99], 1e-12);
        assertEquals(2 * 32 / 33.0 - 1, saw[32], 1e-12);
        double[] box = Problem.BOXCAR.trueWeights(100, rng);
        assertEquals(0, box[0]);
        assertEquals(1, box[10]);
        for (double v : Problem.ONE_TWO_THREE.trueWeights(50, rng)) {
            assertEquals(true, v == 1 || v == 2 || v == 3);
        }
    }
}
