package org.topolayer.bench;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.topolayer.features.TopKBarcodeLengths;
import org.topolayer.filtration.LevelSet;
import org.topolayer.layer.GridLevelSetLayer;
import org.topolayer.layer.PersistenceLayer;
import org.topolayer.layer.SampleParallel;
import org.topolayer.loss.TopologicalLoss;

/**
 * Differentiable layer cost: forward (H0+H1 level-set diagrams), TopK features of both dimensions
 * and backward to the input, on images. Single images on one thread (CPU time); the batch through
 * the INDArray API, parallel over samples (wall time, on all cores).
 */
final class LayerBench {
    private LayerBench() {}

    static void run(double seconds) {
        PersistenceLayer layer = GridLevelSetLayer.image(1, LevelSet.SUBLEVEL);
        TopologicalLoss loss = TopologicalLoss.of(List.of(new TopologicalLoss.Term(layer, new TopKBarcodeLengths(0, 10), 1),
                new TopologicalLoss.Term(layer, new TopKBarcodeLengths(1, 10), 1)));
        single(loss, 28, "TopologyLayer 5.9 ms", seconds);
        single(loss, 256, "≤ 15 ms (TopologyLayer 1.36 s)", seconds);

        int batch = 256;
        double[] flat = new double[batch * 28 * 28];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(LevelSetBench.field(28, i), 0, flat, i * 784, 784);
        }
        INDArray images = Nd4j.create(flat, new long[] {batch, 28, 28}, DataType.FLOAT);
        String name = "layer batch 256×28×28 INDArray, " + SampleParallel.threads() + " threads";
        System.out.println(BenchHarness.measure(name, "≤ 15 ms on 2 cores (wall)", 5, seconds,
                () -> loss.evaluateBatch(images).values()[0], true).row());
    }

    private static void single(TopologicalLoss loss, int n, String target, double seconds) {
        double[] image = LevelSetBench.field(n, n);
        int[] shape = {n, n};
        String name = "layer fwd+TopK+bwd " + n + "x" + n + " H0+H1";
        System.out.println(BenchHarness.measure(name, target, 5, seconds,
                () -> loss.evaluate(image, shape).gradient()[0]).row());
    }
}
