package org.topolayer.apps.attack;

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
        Attack.Result r = attack.run(MODEL, TEST.images(), TEST.labels(), targets);
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
