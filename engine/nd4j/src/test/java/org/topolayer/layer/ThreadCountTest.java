package org.topolayer.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.topolayer.features.SumBarcodeLengths;
import org.topolayer.features.TopKBarcodeLengths;
import org.topolayer.filtration.LevelSet;
import org.topolayer.loss.TopologicalLoss;
import org.topolayer.persistence.Diagram;

/**
 * Batches give bit-identical diagrams, input gradients and losses with one thread and with several
 * (the reproducibility promise: results do not depend on the thread count).
 */
class ThreadCountTest {
    private static final int BATCH = 24;

    @AfterEach
    void restoreThreads() {
        SampleParallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.topolayer.layer.LayerCases#all")
    void oneThreadAndFourGiveTheSameBits(String name, PersistenceLayer layer, int[] shape) {
        double[][] inputs = new double[BATCH][];
        int[][] shapes = new int[BATCH][];
        for (int i = 0; i < BATCH; i++) {
            inputs[i] = LayerCases.input(layer, shape, 100 + i);
            shapes[i] = shape;
        }
        Run sequential = run(1, layer, inputs, shapes);
        Run parallel = run(4, layer, inputs, shapes);
        for (int i = 0; i < BATCH; i++) {
            for (int d = 0; d <= layer.maxDimension(); d++) {
                assertEquals(sequential.diagrams.get(i)[d], parallel.diagrams.get(i)[d], name + " sample " + i);
            }
            assertArrayEquals(sequential.gradients[i], parallel.gradients[i], 0, name + " sample " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("threadCounts")
    void batchedLossesAreTheSameBitsForAnyThreadCount(int threads) {
        PersistenceLayer layer = GridLevelSetLayer.image(1, LevelSet.SUBLEVEL);
        TopologicalLoss loss = TopologicalLoss.of(List.of(new TopologicalLoss.Term(layer, new TopKBarcodeLengths(0, 3), 1),
                new TopologicalLoss.Term(layer, new SumBarcodeLengths(1), -2)));
        double[] flat = LayerCases.random(new int[] {BATCH, 10 * 10}, 9);
        SampleParallel.setThreads(1);
        TopologicalLoss.BatchResult one = loss.evaluateBatch(flat, BATCH, new int[] {10, 10});
        SampleParallel.setThreads(threads);
        TopologicalLoss.BatchResult many = loss.evaluateBatch(flat, BATCH, new int[] {10, 10});
        assertArrayEquals(one.values(), many.values(), 0);
        assertArrayEquals(one.gradient(), many.gradient(), 0);
    }

    static int[] threadCounts() {
        return new int[] {2, 3, 8};
    }

    private record Run(List<Diagram[]> diagrams, double[][] gradients) {}

    /** Forward and backward of the batch on {@code threads} threads, with fixed random upstream gradients. */
    private static Run run(int threads, PersistenceLayer layer, double[][] inputs, int[][] shapes) {
        SampleParallel.setThreads(threads);
        DiagramTape[] tapes = layer.forwardBatch(inputs, shapes);
        List<Diagram[]> diagrams = new ArrayList<>();
        double[][] gradients = new double[tapes.length][];
        for (int i = 0; i < tapes.length; i++) {
            int dims = layer.maxDimension() + 1;
            Diagram[] byDim = new Diagram[dims];
            double[][] dBirths = new double[dims][], dDeaths = new double[dims][];
            SplittableRandom rnd = new SplittableRandom(i);
            for (int d = 0; d < dims; d++) {
                byDim[d] = tapes[i].diagrams().get(d);
                dBirths[d] = rnd.doubles(byDim[d].size(), -1, 1).toArray();
                dDeaths[d] = rnd.doubles(byDim[d].size(), -1, 1).toArray();
            }
            diagrams.add(byDim);
            gradients[i] = tapes[i].backward(dBirths, dDeaths);
        }
        return new Run(diagrams, gradients);
    }
}
