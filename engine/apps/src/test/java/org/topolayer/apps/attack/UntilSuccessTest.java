package org.topolayer.apps.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.topolayer.data.ImageDataset;

/**
 * The paper's protocol (targeted, no ε cap, until success), FGSM on a model with a known
 * gradient, the per-budget summary and the source/target grid, on hand-made linear models.
 */
class UntilSuccessTest {
    /** Two classes, logit 0 for class 0 and w·x for class 1, w = (1, −2, 0.5, 0). */
    private static final LinearSoftmax TWO = new LinearSoftmax(new double[][] {{0, 0, 0, 0}, {1, -2, 0.5, 0}});

    @Test
    void untilSuccessOnALinearModelTakesTheKnownNumberOfSignSteps() {
        // toward class 1 every step adds α·Σ|w| = 0.05 · 3.5 = 0.175 to w·x = −0.8: success after 5 steps
        double[] x0 = {0.2, 0.6, 0.4, 0.5};
        Attack.Result r = Attack.untilSuccess(0.05, 10).run(TWO, new double[][] {x0}, new int[] {0}, new int[] {1});
        assertTrue(r.success()[0]);
        assertEquals(5, r.steps()[0]);
        assertEquals(1, r.predictions()[0]);
        assertArrayEquals(new double[] {0.45, 0.35, 0.65, 0.5}, r.adversarial()[0], 1e-12);
        assertEquals(0.25, Attack.linf(r.adversarial()[0], x0), 1e-12);
        assertEquals(0.25 * Math.sqrt(3), Attack.l2(r.adversarial()[0], x0), 1e-12);
        assertEquals(3, Attack.pixelsChanged(r.adversarial()[0], x0));

        UntilSuccess.Summary s = UntilSuccess.summarize(r, new double[][] {x0}, new int[] {0}, new int[] {0},
                new int[] {1, 4, 5, 10});
        assertEquals(List.of(0.0, 0.0, 1.0, 1.0), s.curve().stream().map(UntilSuccess.Budget::successRate).toList());
        assertEquals(0.25, s.last().medianLinf(), 1e-12);
        assertEquals(3.0, s.last().medianPixelsChanged());
        assertTrue(Double.isNaN(s.curve().get(1).medianL2()), "no success within 4 steps: no median");
    }

    @Test
    void noCapMeansOnlyThePixelRangeBinds() {
        // w = (1, −3): x0 rises to 1 and stops there (clamped after 2 steps), x1 falls 0.05 a step;
        // w·x = −0.6, −0.4, −0.2, −0.05, +0.1: success after 4 steps, with x0 held at 1
        LinearSoftmax steep = new LinearSoftmax(new double[][] {{0, 0, 0, 0}, {1, -3, 0, 0}});
        double[] x0 = {0.9, 0.5, 0.0, 0.5};
        Attack.Result r = Attack.untilSuccess(0.05, 40).run(steep, new double[][] {x0}, new int[] {0}, new int[] {1});
        assertEquals(4, r.steps()[0]);
        assertArrayEquals(new double[] {1.0, 0.3, 0.0, 0.5}, r.adversarial()[0], 1e-12);
        // a target the model can never reach: every step is spent, nothing leaves [0, 1]
        LinearSoftmax blind = new LinearSoftmax(new double[][] {{1, 1, 1, 1}, {0, 0, 0, 0}});
        Attack.Result never = Attack.untilSuccess(0.3, 12).run(blind, new double[][] {{0.9, 0.1, 0.5, 0.5}},
                new int[] {0}, new int[] {1});
        assertFalse(never.success()[0]);
        assertEquals(12, never.steps()[0]);
        for (double v : never.adversarial()[0]) {
            assertTrue(v >= 0 && v <= 1, "pixel " + v);
        }
        assertTrue(Attack.untilSuccess(0.01, 5).unbounded());
        assertFalse(Attack.pgd(Attack.Norm.LINF, 0.3, 5, 2.5, true).unbounded());
    }

    @Test
    void targetedFgsmStepsAgainstTheKnownGradient() {
        // logits = x, target 2: d CE/dx = p − e_2, sign (+, +, −): x − ε·sign = (0.4, 0.2, 0.3)
        LinearSoftmax identity = new LinearSoftmax(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        double[] x0 = {0.5, 0.3, 0.2};
        Attack.Result r = Attack.fgsm(Attack.Norm.LINF, 0.1, true).run(identity, new double[][] {x0}, new int[] {0},
                new int[] {2});
        assertArrayEquals(new double[] {0.4, 0.2, 0.3}, r.adversarial()[0], 1e-12);
        assertFalse(r.success()[0], "logit 0.4 of class 0 still beats 0.3");
        assertEquals(1, r.steps()[0]);
        // the L2 step is −ε times the unit gradient
        double[][] p = identity.probabilities(new double[][] {x0});
        double[] g = {p[0][0], p[0][1], p[0][2] - 1};
        double norm = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
        Attack.Result l2 = Attack.fgsm(Attack.Norm.L2, 0.2, true).run(identity, new double[][] {x0}, new int[] {0},
                new int[] {2});
        for (int q = 0; q < 3; q++) {
            assertEquals(x0[q] - 0.2 * g[q] / norm, l2.adversarial()[0][q], 1e-12);
        }
    }

    @Test
    void summaryCountsSuccessesWithinEachBudget() {
        double[][] clean = {{0, 0}, {0, 0}, {0, 0}, {0, 0}};
        double[][] adversarial = {{0.1, 0}, {0.3, 0.4}, {0, 0}, {0, 0}};
        // image 0 succeeds after 1 step, image 1 after 7, image 2 never; image 3 was misclassified and
        // already predicted as its target (a success in 0 steps, counted only among all images)
        Attack.Result r = new Attack.Result(adversarial, new int[] {1, 1, 0, 1}, new boolean[] {true, true, false, true},
                new int[] {1, 7, 10, 0});
        UntilSuccess.Summary s = UntilSuccess.summarize(r, clean, new int[] {0, 0, 0, 0}, new int[] {0, 0, 0, 2},
                new int[] {1, 10});
        assertEquals(4, s.images());
        assertEquals(3, s.correct());
        UntilSuccess.Budget one = s.curve().get(0), ten = s.curve().get(1);
        assertEquals(1.0 / 3, one.successRate(), 1e-12);
        assertEquals(2.0 / 4, one.successRateAll(), 1e-12);
        assertEquals(2.0 / 3, ten.successRate(), 1e-12);
        assertEquals(3.0 / 4, ten.successRateAll(), 1e-12);
        assertEquals(2, ten.succeeded());
        assertEquals(0.1, one.medianLinf(), 1e-12);
        assertEquals((0.1 + 0.4) / 2, ten.medianLinf(), 1e-12);
        assertEquals((0.1 + 0.5) / 2, ten.medianL2(), 1e-12);
        assertEquals(1.5, ten.medianPixelsChanged(), 1e-12);
        Map<String, Object> json = s.toJson();
        assertEquals(2.0 / 3, (double) json.get("success_rate"), 1e-12);
        assertEquals(10, json.get("steps"));
        assertTrue(((Map<?, ?>) json.get("curve")).keySet().containsAll(List.of("1", "10")));
    }

    @Test
    void gridHasSourcesInRowsTargetsInColumnsAndTheCleanImageOnTheDiagonal() {
        // 4 classes on 1×3 images, logits W x: class k ≤ 2 reads pixel k, class 3 reads nothing (logit 0;
        // ties go to the lower class and logits are ≥ 0 on [0, 1], so class 3 is never predicted)
        LinearSoftmax model = new LinearSoftmax(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 0}});
        double[][] images = {{0.9, 0.1, 0.1}, {0.8, 0.5, 0.1}, {0.1, 0.9, 0.2}, {0.1, 0.2, 0.9}};
        ImageDataset data = new ImageDataset("test", 1, 3, images, new int[] {0, 1, 1, 2},
                new String[] {"a", "b", "c", "d"});
        int[] predicted = model.predict(images);
        assertArrayEquals(new int[] {0, 0, 1, 2}, predicted);
        int[] sources = SourceTargetGrid.pickSources(data, List.of(predicted));
        assertArrayEquals(new int[] {0, 2, 3, -1}, sources, "the first correctly classified image of each class");
        SourceTargetGrid grid = SourceTargetGrid.run(model, Attack.untilSuccess(0.1, 20), data, sources);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(images[sources[i]], grid.cells()[i][i]);
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    assertTrue(grid.success()[i][j], i + " -> " + j);
                    assertEquals(j, model.predict(new double[][] {grid.cells()[i][j]})[0]);
                    assertTrue(grid.steps()[i][j] >= 1);
                }
            }
            assertFalse(grid.success()[i][3], "class 3 is unreachable");
            assertEquals(20, grid.steps()[i][3]);
        }
        assertEquals(null, grid.cells()[3][0]);
        assertEquals(List.of("o++.", "+o+.", "++o.", "----"), grid.toJson().get("rows"));
        assertEquals(6.0 / 9, grid.successRate(), 1e-12);
    }
}
