package org.topolayer.apps.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.data.ImageDataset;
import org.topolayer.data.SyntheticImages;

/** FGSM and PGD: budgets, pixel range, success bookkeeping. */
class AttackTest {
    private static final ImageDataset TRAIN = SyntheticImages.generate(200, 21);
    private static final ImageDataset TEST = SyntheticImages.generate(40, 22);
    private static final NetworkClassifier MODEL = NetworkClassifier.mlp(TRAIN.pixels(), new int[] {16}, 10, 4)
            .fit(TRAIN, new NetworkClassifier.Training(4, 32, 3e-3, 4), NetworkClassifier.Progress.SILENT);

    @ParameterizedTest(name = "{0} {1} targeted={2} eps={3}")
    @CsvSource({"FGSM, LINF, false, 0.1", "PGD, LINF, false, 0.05", "PGD, LINF, true, 0.2", "FGSM, L2, false, 1.5",
        "PGD, L2, true, 2.0", "PGD, L2, false, 0.5"})
    void staysInTheBallAndThePixelRange(Attack.Method method, Attack.Norm norm, boolean targeted, double eps) {
        Attack attack = method == Attack.Method.FGSM ? Attack.fgsm(norm, eps, targeted)
                : Attack.pgd(norm, eps, 7, 2.5, targeted);
        int[] targets = new int[TEST.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (TEST.labels()[i] + 1 + i % 9) % 10;
        }
        // from the clean images, and from random starts in the ball
        check(attack, norm, targeted, eps, targets, attack.run(MODEL, TEST.images(), TEST.labels(), targets));
        if (method == Attack.Method.PGD) {
            long[] seeds = java.util.stream.LongStream.range(0, TEST.size()).map(i -> 1000 + i).toArray();
            check(attack, norm, targeted, eps, targets, attack.run(MODEL, TEST.images(), TEST.labels(), targets,
                    seeds));
        }
    }

    private static void check(Attack attack, Attack.Norm norm, boolean targeted, double eps, int[] targets,
                              Attack.Result r) {
        int[] predicted = MODEL.predict(r.adversarial());
        int moved = 0;
        for (int i = 0; i < TEST.size(); i++) {
            double[] x = r.adversarial()[i], x0 = TEST.images()[i];
            double size = norm == Attack.Norm.LINF ? Attack.linf(x, x0) : Attack.l2(x, x0);
            assertTrue(size <= eps + 1e-9, "sample " + i + " moved " + size + " > " + eps);
            for (double v : x) {
                assertTrue(v >= 0 && v <= 1, "pixel value " + v);
            }
            assertEquals(predicted[i], r.predictions()[i], "recorded prediction of sample " + i);
            boolean reached = targeted ? predicted[i] == targets[i] : predicted[i] != TEST.labels()[i];
            assertEquals(reached, r.success()[i], "success flag of sample " + i);
            moved += size > 0 ? 1 : 0;
        }
        assertTrue(moved > 0, "the attack moved no sample");
    }

    @Test
    void aRandomStartIsAUniformPointOfTheBallDrawnFromItsSeed() {
        int d = 10_000;
        double[] x0 = new double[d];
        java.util.Arrays.fill(x0, 0.5);
        Attack linf = Attack.pgd(Attack.Norm.LINF, 0.1, 3, 2.5, false);
        double[] x = linf.randomStart(x0, 42);
        assertArrayEquals(x, linf.randomStart(x0, 42), 0, "the same seed, the same point");
        assertTrue(Attack.linf(x, linf.randomStart(x0, 43)) > 0.1, "another seed, another point");
        double sum = 0, abs = 0;
        for (int p = 0; p < d; p++) {
            sum += x[p] - 0.5;
            abs += Math.abs(x[p] - 0.5);
        }
        // uniform on [−ε, ε]: mean 0 (sd ε/√(3d) = 0.0006), mean |·| ε/2 (sd 0.0003)
        assertEquals(0, sum / d, 0.003);
        assertEquals(0.05, abs / d, 0.0015);
        assertTrue(Attack.linf(x, x0) <= 0.1 && Attack.linf(x, x0) > 0.099);

        Attack l2 = Attack.pgd(Attack.Norm.L2, 2.0, 3, 2.5, false);
        double[] y = l2.randomStart(new double[100], 7);
        for (double v : y) {
            assertTrue(v >= 0 && v <= 1, "clamped to the pixel range: " + v);
        }
        double[] z = l2.randomStart(java.util.Arrays.copyOf(x0, 100), 7);
        // uniform in the 100-dimensional ball: the radius ε·u^(1/100) is above 0.9ε but for u < 3e-5
        assertTrue(Attack.l2(z, java.util.Arrays.copyOf(x0, 100)) <= 2.0 + 1e-12
                && Attack.l2(z, java.util.Arrays.copyOf(x0, 100)) > 1.8, "radius " + Attack.l2(z, x0));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Attack.untilSuccess(0.01, 5).randomStart(x0, 1));
        assertTrue(e.getMessage().contains("finite ε"), e.getMessage());
    }

    @Test
    void aRandomStartChangesTheExamplesAndTheSameSeedsRepeatThem() {
        Attack pgd = Attack.pgd(Attack.Norm.LINF, 0.1, 5, 2.5, false);
        long[] seeds = java.util.stream.LongStream.range(0, TEST.size()).toArray();
        Attack.Result a = pgd.run(MODEL, TEST.images(), TEST.labels(), null, seeds);
        Attack.Result b = pgd.run(MODEL, TEST.images(), TEST.labels(), null, seeds.clone());
        Attack.Result clean = pgd.run(MODEL, TEST.images(), TEST.labels(), null);
        int differ = 0;
        for (int i = 0; i < TEST.size(); i++) {
            assertArrayEquals(a.adversarial()[i], b.adversarial()[i], 0);
            differ += java.util.Arrays.equals(a.adversarial()[i], clean.adversarial()[i]) ? 0 : 1;
        }
        assertEquals(TEST.size(), differ, "every sample started elsewhere");
    }

    @Test
    void pgdIsAtLeastAsStrongAsNoAttackAndGrowsWithEpsilon() {
        double clean = MODEL.accuracy(TEST.images(), TEST.labels());
        double previous = clean;
        for (double eps : new double[] {0.02, 0.1, 0.3}) {
            Attack.Result r = Attack.pgd(Attack.Norm.LINF, eps, 10, 2.5, false).run(MODEL, TEST.images(), TEST.labels(), null);
            double accuracy = MODEL.accuracy(r.adversarial(), TEST.labels());
            assertTrue(accuracy <= previous + 0.05, "accuracy " + accuracy + " at eps " + eps + " after " + previous);
            previous = accuracy;
        }
        assertTrue(previous < clean, "eps 0.3 did not hurt: " + previous + " vs clean " + clean);
    }

    @Test
    void projectionClampsAfterProjecting() {
        double[] x0 = {0.0, 0.5, 1.0};
        double[] x = {-0.4, 0.9, 1.3};
        Attack.project(x, x0, Attack.Norm.LINF, 0.2, 0, 1);
        assertEquals(0.0, x[0]);
        assertEquals(0.7, x[1], 1e-12);
        assertEquals(1.0, x[2]);
        double[] y = {0.6, 0.5, 0.2};
        Attack.project(y, x0, Attack.Norm.L2, 0.5, 0, 1);
        assertTrue(Attack.l2(y, x0) <= 0.5 + 1e-12);
    }
}
