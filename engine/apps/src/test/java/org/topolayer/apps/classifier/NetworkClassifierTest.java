package org.topolayer.apps.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.topolayer.data.ImageDataset;
import org.topolayer.data.SyntheticImages;
import org.topolayer.nn.DifferentiableClassifier;

/** The DL4J classifiers: input gradients against finite differences, training, save/load. */
class NetworkClassifierTest {

    /** Central differences of each sample's loss along a few coordinates, against lossGradient. */
    static void checkInputGradient(DifferentiableClassifier model, double[][] x, int[] labels, double tolerance,
                                   long seed) {
        DifferentiableClassifier.LossGradient analytic = model.lossGradient(x, labels);
        SplittableRandom random = new SplittableRandom(seed);
        double h = 1e-5;
        for (int i = 0; i < x.length; i++) {
            double[][] one = {x[i].clone()};
            int[] label = {labels[i]};
            assertEquals(analytic.losses()[i], model.lossGradient(one, label).losses()[0], 1e-9, "loss of sample " + i);
            for (int t = 0; t < 12; t++) {
                int j = random.nextInt(x[i].length);
                double original = one[0][j];
                one[0][j] = original + h;
                double plus = model.lossGradient(one, label).losses()[0];
                one[0][j] = original - h;
                double minus = model.lossGradient(one, label).losses()[0];
                one[0][j] = original;
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, analytic.gradients()[i][j], tolerance * Math.max(1, Math.abs(numeric)),
                        "d loss_" + i + " / d x[" + j + "]");
            }
        }
    }

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

    @Test
    void mlpAndLogisticInputGradientsMatchFiniteDifferences() {
        double[][] x = random(4, 7, 1);
        int[] y = {0, 2, 1, 2};
        checkInputGradient(NetworkClassifier.mlp(7, new int[] {5, 4}, 3, 11, DataType.DOUBLE), x, y, 1e-6, 2);
        checkInputGradient(NetworkClassifier.mlp(7, new int[0], 3, 12, DataType.DOUBLE), x, y, 1e-6, 3);
    }

    @Test
    void cnnInputGradientsMatchFiniteDifferences() {
        ImageDataset data = SyntheticImages.generate(3, 5);
        checkInputGradient(NetworkClassifier.cnn(28, 28, 10, 13, DataType.DOUBLE), data.images(), data.labels(), 1e-5, 4);
    }

    @Test
    void gradientOfASampleDoesNotDependOnItsBatch() {
        NetworkClassifier mlp = NetworkClassifier.mlp(7, new int[] {6}, 3, 5, DataType.DOUBLE);
        double[][] x = random(5, 7, 9);
        int[] y = {0, 1, 2, 0, 1};
        double[][] batch = mlp.lossGradient(x, y).gradients();
        double[][] alone = mlp.lossGradient(new double[][] {x[3]}, new int[] {y[3]}).gradients();
        assertArrayEquals(alone[0], batch[3], 1e-12);
    }

    @Test
    void trainsAboveChanceAndRoundTripsThroughAFile(@TempDir Path dir) throws Exception {
        ImageDataset train = SyntheticImages.generate(300, 1), test = SyntheticImages.generate(100, 2);
        NetworkClassifier mlp = NetworkClassifier.mlp(train.pixels(), new int[] {32}, 10, 7);
        double[] lastLoss = {Double.NaN};
        mlp.fit(train, new NetworkClassifier.Training(8, 32, 3e-3, 7), (epoch, loss) -> lastLoss[0] = loss);
        double accuracy = mlp.accuracy(test.images(), test.labels());
        assertTrue(accuracy > 0.5, "accuracy " + accuracy);
        assertTrue(lastLoss[0] < 1.5, "final loss " + lastLoss[0]);
        assertEquals(32, mlp.embeddings(test.head(3).images())[0].length);

        Path file = dir.resolve("mlp.zip");
        mlp.save(file);
        NetworkClassifier back = NetworkClassifier.load(file);
        assertEquals(mlp.inputSize(), back.inputSize());
        assertEquals(10, back.numClasses());
        double[][] p = mlp.probabilities(test.images()), q = back.probabilities(test.images());
        for (int i = 0; i < p.length; i++) {
            assertArrayEquals(p[i], q[i], 1e-6);
        }
    }

    @Test
    void rejectsWrongShapesAndLabels() {
        NetworkClassifier mlp = NetworkClassifier.mlp(4, new int[] {3}, 3, 1);
        assertThrows(IllegalArgumentException.class, () -> mlp.probabilities(new double[][] {{1, 2, 3}}));
        assertThrows(IllegalArgumentException.class, () -> mlp.lossGradient(new double[][] {{1, 2, 3, 4}}, new int[] {3}));
        assertThrows(IllegalArgumentException.class, () -> NetworkClassifier.cnn(8, 8, 10, 1));
    }

    @Test
    void shiftedMovesAnImageAndFillsZeros() {
        double[] image = {1, 2, 3, 4, 5, 6}; // 2 rows of 3
        assertArrayEquals(new double[] {0, 0, 0, 1, 2, 3}, NetworkClassifier.shifted(image, 2, 3, 1, 0));
        assertArrayEquals(new double[] {2, 3, 0, 5, 6, 0}, NetworkClassifier.shifted(image, 2, 3, 0, -1));
        assertArrayEquals(new double[] {0, 0, 0, 0, 1, 2}, NetworkClassifier.shifted(image, 2, 3, 1, 1));
        assertArrayEquals(new double[] {5, 6, 0, 0, 0, 0}, NetworkClassifier.shifted(image, 2, 3, -1, -1));
        assertArrayEquals(image, NetworkClassifier.shifted(image, 2, 3, 0, 0));
        assertArrayEquals(new double[6], NetworkClassifier.shifted(image, 2, 3, 0, 3));
    }

    @Test
    void aCnnWithDropoutAndShiftsTrainsAboveChanceAndTheSmallShapeIsTheDefault() throws Exception {
        ImageDataset train = SyntheticImages.generate(100, 1), test = SyntheticImages.generate(100, 2);
        NetworkClassifier.CnnShape shape = new NetworkClassifier.CnnShape(4, 8, 16, 0.25);
        assertEquals("conv 5x5x4, max-pool 2, conv 5x5x8, max-pool 2, dense 16, dropout 0.25, softmax", shape.describe());
        NetworkClassifier cnn = NetworkClassifier.cnn(train.height(), train.width(), 10, 3, shape, DataType.FLOAT);
        NetworkClassifier.Training training = new NetworkClassifier.Training(4, 20, 5e-3, 3, 2);
        cnn.fit(train, training, NetworkClassifier.Progress.SILENT);
        double accuracy = cnn.accuracy(test.images(), test.labels());
        assertTrue(accuracy > 0.2, "accuracy " + accuracy + " (chance 0.1)");
        // the same seed, shape and training (dropout and shifts included): the same network
        NetworkClassifier.Training short1 = new NetworkClassifier.Training(1, 20, 5e-3, 3, 2);
        NetworkClassifier a = NetworkClassifier.cnn(train.height(), train.width(), 10, 3, shape, DataType.FLOAT)
                .fit(train.head(40), short1, NetworkClassifier.Progress.SILENT);
        NetworkClassifier b = NetworkClassifier.cnn(train.height(), train.width(), 10, 3, shape, DataType.FLOAT)
                .fit(train.head(40), short1, NetworkClassifier.Progress.SILENT);
        assertArrayEquals(a.parameters(), b.parameters());
        // shifts need the image shape
        assertThrows(IllegalArgumentException.class, () -> cnn.fit(train.images(), train.labels(), training,
                NetworkClassifier.Progress.SILENT));
        assertThrows(IllegalArgumentException.class, () -> new NetworkClassifier.CnnShape(8, 16, 32, 1));
        assertArrayEquals(NetworkClassifier.cnn(28, 28, 10, 4).toBytes(), NetworkClassifier.cnn(28, 28, 10, 4,
                NetworkClassifier.CnnShape.SMALL, DataType.FLOAT).toBytes());
        assertEquals("conv 5x5x16, max-pool 2, conv 5x5x32, max-pool 2, dense 64, softmax",
                NetworkClassifier.CnnShape.SMALL.describe());
    }
}
