package org.topolayer.apps.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** NetworkClassifier's parameter gradient: the summed loss's, against finite differences and per-sample sums. */
class ParameterGradientTest {
    private static double[][] random(int n, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][size];
        for (double[] row : x) {
            for (int j = 0; j < size; j++) {
                row[j] = random.nextDouble();
            }
        }
        return x;
    }

    private static double summedLoss(NetworkClassifier net, double[][] x, int[] y) {
        double sum = 0;
        for (double l : net.lossGradient(x, y).losses()) {
            sum += l;
        }
        return sum;
    }

    /** Central differences of the summed loss along some parameters, in double precision. */
    private static void check(NetworkClassifier net, double[][] x, int[] y) {
        NetworkClassifier.ParameterGradient g = net.parameterGradient(x, y);
        assertEquals(summedLoss(net, x, y), g.loss(), 1e-9);
        float[] p = net.parameters();
        assertEquals(p.length, g.gradient().length);
        // the parameters go through float here, so perturb by a float-exact step on double networks
        double h = 1.0 / 1024;
        SplittableRandom random = new SplittableRandom(3);
        for (int t = 0; t < 15; t++) {
            int j = random.nextInt(p.length);
            float original = p[j];
            p[j] = (float) (original + h);
            net.setParameters(p);
            double plus = summedLoss(net, x, y);
            p[j] = (float) (original - h);
            net.setParameters(p);
            double minus = summedLoss(net, x, y);
            p[j] = original;
            net.setParameters(p);
            double numeric = (plus - minus) / ((double) (float) (original + h) - (float) (original - h));
            assertEquals(numeric, g.gradient()[j], 2e-3 * Math.max(1, Math.abs(numeric)), "d loss / d p[" + j + "]");
        }
    }

    @Test
    void mlpAndCnnParameterGradientsAreThoseOfTheSummedLoss() {
        check(NetworkClassifier.mlp(7, new int[] {5}, 3, 11, DataType.DOUBLE), random(4, 7, 1), new int[] {0, 2, 1, 2});
        check(NetworkClassifier.cnn(16, 16, 3, 5, DataType.DOUBLE), random(3, 256, 2), new int[] {1, 0, 2});
    }

    @Test
    void aBatchsGradientIsTheSumOfItsSamples() {
        NetworkClassifier net = NetworkClassifier.mlp(6, new int[] {4}, 3, 1, DataType.DOUBLE);
        double[][] x = random(3, 6, 4);
        int[] y = {2, 0, 1};
        double[] sum = new double[net.parameters().length];
        for (int i = 0; i < 3; i++) {
            double[] one = net.parameterGradient(new double[][] {x[i]}, new int[] {y[i]}).gradient();
            for (int j = 0; j < sum.length; j++) {
                sum[j] += one[j];
            }
        }
        assertArrayEquals(sum, net.parameterGradient(x, y).gradient(), 1e-12);
    }

    @Test
    void parametersRoundTrip() {
        NetworkClassifier a = NetworkClassifier.cnn(16, 16, 3, 5), b = NetworkClassifier.cnn(16, 16, 3, 6);
        b.setParameters(a.parameters());
        double[][] x = random(2, 256, 9);
        assertArrayEquals(a.probabilities(x)[1], b.probabilities(x)[1], 0);
    }
}
