package org.topolayer.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamOptimizerTest {
    private static double[] gradientAt(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = 2 * (x[i] - i); // of Σ (x_i − i)²
        }
        return g;
    }

    @Test
    void theFirstStepMovesEveryParameterByTheLearningRateAgainstItsGradientSign() {
        double[] x = {0, 5, 2};
        AdamOptimizer.standard(0.1).step(x, gradientAt(x));
        assertArrayEquals(new double[] {0, 4.9, 2}, x, 1e-9); // x0 and x2 have zero gradient
    }

    @Test
    void aResumedStateContinuesExactlyAsAnUninterruptedRun() {
        double[] straight = {3, -1, 7, 0.5};
        double[] resumed = straight.clone();
        AdamOptimizer a = new AdamOptimizer(0.05, 0.5, 0.99);
        for (int k = 0; k < 20; k++) {
            a.step(straight, gradientAt(straight));
        }
        AdamOptimizer b = new AdamOptimizer(0.05, 0.5, 0.99);
        for (int k = 0; k < 7; k++) {
            b.step(resumed, gradientAt(resumed));
        }
        AdamOptimizer c = AdamOptimizer.resume(0.05, 0.5, 0.99, b.steps(), b.firstMoment(), b.secondMoment());
        for (int k = 7; k < 20; k++) {
            c.step(resumed, gradientAt(resumed));
        }
        assertArrayEquals(straight, resumed, 0);
        assertEquals(20, c.steps());
    }

    @Test
    void anArrayOfAnyShapeStepsAsItsFlatValues() {
        double[] flat = {1, 2, 3, 4, 5, 6};
        INDArray matrix = Nd4j.create(flat, new long[] {2, 3}, DataType.DOUBLE);
        AdamOptimizer a = AdamOptimizer.standard(0.3), b = AdamOptimizer.standard(0.3);
        for (int k = 0; k < 3; k++) {
            double[] g = gradientAt(matrix.reshape(6).toDoubleVector());
            a.step(matrix, Nd4j.create(g, new long[] {2, 3}, DataType.DOUBLE));
            b.step(flat, g);
        }
        assertArrayEquals(flat, matrix.reshape(6).toDoubleVector(), 0);
        assertArrayEquals(new long[] {2, 3}, matrix.shape());
    }

    @Test
    void aStateOfOtherLengthIsRefused() {
        AdamOptimizer a = AdamOptimizer.standard(0.1);
        a.step(new double[3], new double[3]);
        assertThrows(IllegalArgumentException.class, () -> a.step(new double[4], new double[4]));
    }
}
