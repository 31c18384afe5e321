package org.topolayer.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.topolayer.features.SumBarcodeLengths;
import org.topolayer.features.TopKBarcodeLengths;
import org.topolayer.filtration.LevelSet;
import org.topolayer.loss.TopologicalLoss;

/** Batched forward/backward (parallel over samples) against per-sample calls. */
class BatchTest {

    @Test
    void stackedImagesMatchPerSampleCalls() {
        INDArray batch = Nd4j.rand(DataType.DOUBLE, 33, 9, 7);
        GridLevelSetLayer layer = GridLevelSetLayer.image(1, LevelSet.SUPERLEVEL);
        BatchOutput out = layer.forwardBatch(batch);
        List<INDArray[]> grads = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            grads.add(new INDArray[] {Nd4j.rand(DataType.DOUBLE, out.diagram(i, 0).rows(), 2),
                    Nd4j.rand(DataType.DOUBLE, out.diagram(i, 1).rows(), 2)});
        }
        INDArray dBatch = layer.backwardBatch(out, grads);
        assertArrayEquals(batch.shape(), dBatch.shape());
        for (int i = 0; i < out.size(); i++) {
            LayerOutput single = layer.forward(batch.slice(i));
            assertEquals(single.diagrams().toString(), out.tape(i).diagrams().toString());
            INDArray expected = layer.backward(single, grads.get(i));
            assertArrayEquals(NdArrays.toDoubles(expected), NdArrays.toDoubles(dBatch.slice(i)), 0, "sample " + i);
        }
    }

    @Test
    void pointCloudsMatchPerSampleCalls() {
        INDArray clouds = Nd4j.rand(DataType.DOUBLE, 12, 20, 2);
        AlphaLayer layer = AlphaLayer.exact(1);
        BatchOutput out = layer.forwardBatch(clouds);
        List<INDArray[]> grads = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            grads.add(new INDArray[] {Nd4j.onesLike(out.diagram(i, 0)), Nd4j.onesLike(out.diagram(i, 1))});
        }
        INDArray dBatch = layer.backwardBatch(out, grads);
        for (int i = 0; i < out.size(); i++) {
            INDArray expected = layer.backward(layer.forward(clouds.slice(i)), grads.get(i));
            assertArrayEquals(NdArrays.toDoubles(expected), NdArrays.toDoubles(dBatch.slice(i)), 0, "cloud " + i);
        }
    }

    @Test
    void listsOfDifferentlySizedSamples() {
        List<INDArray> images = List.of(Nd4j.rand(DataType.FLOAT, 5, 6), Nd4j.rand(DataType.FLOAT, 11, 3),
                Nd4j.rand(DataType.FLOAT, 2, 9));
        GridLevelSetLayer layer = GridLevelSetLayer.image(1, LevelSet.SUBLEVEL);
        BatchOutput out = layer.forwardBatch(images);
        List<INDArray[]> grads = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            grads.add(new INDArray[] {Nd4j.onesLike(out.diagram(i, 0))});
        }
        List<INDArray> dImages = layer.backwardSamples(out, grads);
        for (int i = 0; i < images.size(); i++) {
            assertArrayEquals(images.get(i).shape(), dImages.get(i).shape());
            assertEquals(DataType.FLOAT, dImages.get(i).dataType());
            INDArray expected = layer.backward(layer.forward(images.get(i)), grads.get(i));
            assertArrayEquals(NdArrays.toDoubles(expected), NdArrays.toDoubles(dImages.get(i)), 0);
        }
        LayerAttributionTest.assertMessage("use backwardSamples", () -> layer.backwardBatch(out, grads));
    }

    @Test
    void batchedLossMatchesPerSampleLoss() {
        PersistenceLayer layer = GridLevelSetLayer.image(1, LevelSet.SUBLEVEL);
        TopologicalLoss loss = TopologicalLoss.of(List.of(new TopologicalLoss.Term(layer, new TopKBarcodeLengths(0, 3), 1),
                new TopologicalLoss.Term(layer, new SumBarcodeLengths(1), -2)));
        int batch = 50, size = 8 * 8;
        double[] flat = LayerCases.random(new int[] {batch, size}, 5);
        TopologicalLoss.BatchResult r = loss.evaluateBatch(flat, batch, new int[] {8, 8});
        for (int i = 0; i < batch; i++) {
            TopologicalLoss.Result single = loss.evaluate(Arrays.copyOfRange(flat, i * size, (i + 1) * size), new int[] {8, 8});
            assertEquals(single.value(), r.values()[i], 0);
            assertArrayEquals(single.gradient(), Arrays.copyOfRange(r.gradient(), i * size, (i + 1) * size), 0);
        }
        INDArray asArray = Nd4j.create(flat, new long[] {batch, 8, 8}, DataType.DOUBLE);
        TopologicalLoss.Nd4jBatchResult nd = loss.evaluateBatch(asArray);
        assertArrayEquals(r.values(), nd.values(), 0);
        assertArrayEquals(r.gradient(), NdArrays.toDoubles(nd.gradient()), 0);
        assertEquals(r.values()[3], loss.evaluateEach(List.of(asArray.slice(3))).get(0).value(), 0);
    }

    @Test
    void aFailingSampleIsNamed() {
        double[] flat = new double[4 * 9];
        flat[2 * 9 + 4] = Double.NaN;
        LayerAttributionTest.assertMessage("sample 2: input entry 4 is NaN",
                () -> GridLevelSetLayer.image(1, LevelSet.SUBLEVEL).forwardBatch(flat, 4, new int[] {3, 3}));
        LayerAttributionTest.assertMessage("3 samples of shape [3, 3] need 27 entries, got 36",
                () -> GridLevelSetLayer.image(1, LevelSet.SUBLEVEL).forwardBatch(flat, 3, new int[] {3, 3}));
    }
}
