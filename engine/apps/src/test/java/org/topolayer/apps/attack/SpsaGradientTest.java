package org.topolayer.apps.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.topolayer.nn.DifferentiableClassifier;

/** The SPSA gradient estimate against the exact gradient of a linear softmax model. */
class SpsaGradientTest {
    private static LinearSoftmax model(int classes, int inputs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] w = new double[classes][inputs];
        for (double[] row : w) {
            for (int p = 0; p < inputs; p++) {
                row[p] = random.nextDouble(-1, 1);
            }
        }
        return new LinearSoftmax(w);
    }

    @Test
    void estimatesTheGradientFromOutputsOnly() {
        LinearSoftmax exact = model(3, 20, 5);
        double[][] x = new double[2][20];
        for (int p = 0; p < 20; p++) {
            x[0][p] = 0.5;
            x[1][p] = p / 20.0;
        }
        int[] labels = {2, 1};
        DifferentiableClassifier.LossGradient truth = exact.lossGradient(x, labels);
        LinearSoftmax counted = model(3, 20, 5);
        SpsaGradient spsa = new SpsaGradient(counted, 2000, 1e-3, 9);
        DifferentiableClassifier.LossGradient estimate = spsa.lossGradient(x, labels);
        // one forward pass at x and two per direction; never a gradient of the model
        assertEquals(2 * (2 * 2000 + 1), counted.rowsEvaluated);
        assertArrayEquals(truth.losses(), estimate.losses(), 1e-12);
        for (int i = 0; i < 2; i++) {
            double dot = 0, a = 0, b = 0;
            for (int p = 0; p < 20; p++) {
                dot += truth.gradients()[i][p] * estimate.gradients()[i][p];
                a += truth.gradients()[i][p] * truth.gradients()[i][p];
                b += estimate.gradients()[i][p] * estimate.gradients()[i][p];
            }
            // relative error about sqrt(d / pairs) = 0.1: the cosine is about 0.995
            double cosine = dot / Math.sqrt(a * b);
            assertTrue(cosine > 0.97, "cosine " + cosine + " of sample " + i);
            assertEquals(1, Math.sqrt(b / a), 0.15, "length ratio of sample " + i);
        }
    }

    @Test
    void sameSeedSameEstimateAndAttackReachesTheTargetWithoutGradients() {
        LinearSoftmax m = model(2, 6, 3);
        double[][] x = {{0.5, 0.5, 0.5, 0.5, 0.5, 0.5}};
        double[] a = new SpsaGradient(m, 4, 0.01, 1).lossGradient(x, new int[] {0}).gradients()[0];
        double[] b = new SpsaGradient(m, 4, 0.01, 1).lossGradient(x, new int[] {0}).gradients()[0];
        assertArrayEquals(a, b);
        int label = m.predict(x)[0], target = 1 - label;
        Attack.Result r = Attack.untilSuccess(0.05, 50).run(new SpsaGradient(m, 16, 0.01, 2), x, new int[] {label},
                new int[] {target});
        assertTrue(r.success()[0], "SPSA-driven attack on a linear model");
        assertThrows(IllegalArgumentException.class, () -> new SpsaGradient(m, 0, 0.01, 1));
        assertThrows(IllegalArgumentException.class, () -> new SpsaGradient(m, 1, 0, 1));
    }
}
