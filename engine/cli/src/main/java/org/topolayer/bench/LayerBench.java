package org.topolayer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.topolayer.data.FashionMnist;
import org.topolayer.features.SumBarcodeLengths;
import org.topolayer.features.TopKBarcodeLengths;
import org.topolayer.filtration.LevelSet;
import org.topolayer.layer.GridLevelSetLayer;
import org.topolayer.layer.PersistenceLayer;
import org.topolayer.layer.SampleParallel;
import org.topolayer.loss.TopologicalLoss;

/**
 * Differentiable layer cost: forward (H0+H1 level-set diagrams), TopK features of both dimensions
 * and backward to the input, on images. Single images on one thread (CPU time); the batch through
 * the INDArray API, parallel over samples (wall time, on all cores). Three kinds of input, since the
 * cost grows with the number of bars: smooth fields with a little noise (few bars), uniform noise
 * (the most bars an image of its size can have), and real Fashion-MNIST test images (in between;
 * skipped, with a row saying so, where Debian's dataset-fashion-mnist is not installed). Noise and
 * real images also run with sum-of-lengths features, under which every bar carries a gradient.
 */
final class LayerBench {
    private LayerBench() {}

    static void run(double seconds) {
        PersistenceLayer layer = GridLevelSetLayer.image(1, LevelSet.SUBLEVEL);
        TopologicalLoss loss = TopologicalLoss.of(List.of(new TopologicalLoss.Term(layer, new TopKBarcodeLengths(0, 10), 1),
                new TopologicalLoss.Term(layer, new TopKBarcodeLengths(1, 10), 1)));
        single(loss, "smooth, TopK", LevelSetBench.field(28, 28), 28, "TopologyLayer 5.9 ms", seconds);
        single(loss, "smooth, TopK", LevelSetBench.field(256, 256), 256, "≤ 15 ms (TopologyLayer 1.36 s)", seconds);
        // under sum-of-lengths every bar carries a gradient: the costliest features on noisy inputs
        TopologicalLoss sum = TopologicalLoss.of(List.of(new TopologicalLoss.Term(layer, new SumBarcodeLengths(0), 1),
                new TopologicalLoss.Term(layer, new SumBarcodeLengths(1), 1)));
        double[] noise28 = noise(28 * 28, 1), noise256 = noise(256 * 256, 2);
        single(loss, "uniform noise, TopK", noise28, 28, "", seconds);
        single(sum, "uniform noise, sum of lengths", noise28, 28, "≤ 60 µs", seconds);
        single(loss, "uniform noise, TopK", noise256, 256, "", seconds);
        single(sum, "uniform noise, sum of lengths", noise256, 256, "≤ 4 ms", seconds);

        int batch = 256;
        double[] smooth = new double[batch * 28 * 28];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(LevelSetBench.field(28, i), 0, smooth, i * 784, 784);
        }
        batch(loss, "smooth, TopK", smooth, batch, "≤ 15 ms on 2 cores (wall)", seconds);
        double[] noiseBatch = noise(batch * 784, 3);
        batch(loss, "uniform noise, TopK", noiseBatch, batch, "", seconds);
        batch(sum, "uniform noise, sum of lengths", noiseBatch, batch, "≤ 8 ms on 2 cores (wall)", seconds);
        double[] fashion = fashionImages(batch);
        if (fashion == null) {
            System.out.println("| layer, Fashion-MNIST images | skipped: " + FashionMnist.DEBIAN_DIR
                    + " not installed (apt-get install dataset-fashion-mnist) | | | |");
        } else {
            double[] first = Arrays.copyOf(fashion, 784);
            single(loss, "Fashion-MNIST test image 0, TopK", first, 28, "", seconds);
            single(sum, "Fashion-MNIST test image 0, sum of lengths", first, 28, "", seconds);
            batch(loss, "Fashion-MNIST test images, TopK", fashion, batch, "", seconds);
        }
    }

    private static void batch(TopologicalLoss loss, String kind, double[] flat, int batch, String target, double seconds) {
        INDArray images = Nd4j.create(flat, new long[] {batch, 28, 28}, DataType.FLOAT);
        String name = "layer batch " + batch + "×28×28 " + kind + ", INDArray, " + SampleParallel.threads() + " threads";
        System.out.println(BenchHarness.measure(name, target, 5, seconds,
                () -> loss.evaluateBatch(images).values()[0], true).row());
    }

    /** Values uniform in [0, 1), seeded. */
    private static double[] noise(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextDouble();
        }
        return values;
    }

    /** The first {@code count} Fashion-MNIST test images, flattened, in [0, 1]; null without the dataset. */
    private static double[] fashionImages(int count) {
        Path dir = Path.of(FashionMnist.DEBIAN_DIR);
        if (!FashionMnist.isPresent(dir)) {
            return null;
        }
        try {
            double[][] images = FashionMnist.read(dir, "t10k", count).images();
            double[] flat = new double[count * 784];
            for (int i = 0; i < count; i++) {
                System.arraycopy(images[i], 0, flat, i * 784, 784);
            }
            return flat;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Fashion-MNIST from " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void single(TopologicalLoss loss, String kind, double[] image, int n, String target, double seconds) {
        int[] shape = {n, n};
        String name = "layer fwd+bwd " + n + "x" + n + " " + kind + ", H0+H1";
        System.out.println(BenchHarness.measure(name, target, 5, seconds,
                () -> loss.evaluate(image, shape).gradient()[0]).row());
    }
}
