package org.topolayer.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.apps.generate.GenerateApp;
import org.topolayer.nn.MlpNetwork;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.spark.LocalSpark;
import org.topolayer.spark.output.JobSummary;

@Tag("slow") // the train job end to end on local Spark (verify only)
class TrainJobTest {
    @TempDir
    Path tmp;

    private JobSummary train(String name, int steps, String checkpoints, String... more) throws Exception {
        String[] args = {"--input", "synthetic", "--synthetic-count", "48", "--steps", Integer.toString(steps),
            "--hidden", "8", "--checkpoint-every", "2",
            "--checkpoint-dir", tmp.resolve(checkpoints).toString(), "--output", tmp.resolve(name).toString()};
        return LocalSpark.run(new TrainJob(), Stream.concat(Arrays.stream(args), Arrays.stream(more))
                .toArray(String[]::new));
    }

    @Test
    void resumingFromACheckpointGivesExactlyTheParametersOfAnUninterruptedRun() throws Exception {
        JobSummary straight = train("straight", 4, "ck-straight", "--batch-size", "20");
        train("half", 2, "ck-resumed", "--batch-size", "20");
        JobSummary resumed = train("resumed", 4, "ck-resumed", "--batch-size", "20");
        assertEquals(2L, resumed.get("resumed_at_step"));
        assertEquals(20L, straight.get("batch_size"));
        assertArrayEquals(parameters("straight", "parameters.bin"), parameters("resumed", "parameters.bin"), 0);
        @SuppressWarnings("unchecked")
        List<Double> losses = (List<Double>) straight.get("losses");
        @SuppressWarnings("unchecked")
        List<Double> resumedLosses = (List<Double>) resumed.get("losses");
        assertEquals(losses.subList(2, 4), resumedLosses);
    }

    @Test
    void fullBatchStepsLowerTheAutoencodersLoss() throws Exception {
        JobSummary s = train("full", 4, "ck-full", "--learning-rate", "0.01");
        assertEquals(48L, s.get("batch_size"));
        @SuppressWarnings("unchecked")
        List<Double> losses = (List<Double>) s.get("losses");
        assertTrue(losses.get(3) < losses.get(0), losses.toString());
        assertEquals(2 * 784 * 8 + 8 + 784, parameters("full", "parameters.bin").length);
    }

    @Test
    void theGeneratorWorkloadResumesExactlyAndTrainsBothNetworks() throws Exception {
        String[] generator = {"--workload", "generator", "--latents", "24", "--batch-size", "10", "--real-samples",
            "30", "--discriminator-batch", "8", "--lambda", "1", "--learning-rate", "0.001"};
        JobSummary straight = train("g-straight", 2, "gk-straight", generator);
        train("g-half", 1, "gk-resumed", generator);
        train("g-resumed", 2, "gk-resumed", generator);
        assertEquals("generator", straight.get("workload"));
        for (String file : List.of("parameters.bin", "discriminator.bin")) {
            assertArrayEquals(parameters("g-straight", file), parameters("g-resumed", file), 0, file);
        }
        double[] g = parameters("g-straight", "parameters.bin");
        assertEquals(MlpNetwork.countParameters(MlpNetwork.paperGeneratorSizes()), g.length);
        // --train-seed 7, as GanTrainer
        float[] initial = new MlpNetwork(MlpNetwork.paperGeneratorSizes(), MlpNetwork.Output.TANH, 7 * 31 + 1).parameters();
        assertNotEquals(initial[0], (float) g[0]);
        @SuppressWarnings("unchecked")
        List<Double> topological = (List<Double>) straight.get("topological_losses");
        @SuppressWarnings("unchecked")
        List<Double> discriminator = (List<Double>) straight.get("discriminator_losses");
        assertTrue(topological.get(0) > 0 && Double.isFinite(discriminator.get(1)), straight.toJson());
    }

    @Test
    void theGeneratorStartsFromATopoGenerateBaseline() throws Exception {
        float[] g = new MlpNetwork(MlpNetwork.paperGeneratorSizes(), MlpNetwork.Output.TANH, 3).parameters();
        float[] d = MlpNetwork.discriminator(784, 4).parameters();
        Path baseline = Files.createDirectories(tmp.resolve("baseline"));
        Files.write(baseline.resolve(GenerateApp.GENERATOR_FILE), littleEndian(g));
        String[] options = {"--workload", "generator", "--latents", "8", "--real-samples", "8", "--discriminator-batch",
            "4", "--learning-rate", "0.001"};
        String[] fromBaseline = Stream.concat(Arrays.stream(options), Stream.of("--init-from", baseline.toString()))
                .toArray(String[]::new);
        BadJobInputException missing = assertThrows(BadJobInputException.class,
                () -> train("b0", 1, "bk0", fromBaseline));
        assertTrue(missing.getMessage().startsWith("--init-from"), missing.getMessage());
        Files.write(baseline.resolve(GenerateApp.DISCRIMINATOR_FILE), littleEndian(d));
        train("b1", 1, "bk1", fromBaseline);
        double[] after = parameters("b1", "parameters.bin");
        double moved = 0;
        for (int i = 0; i < g.length; i++) {
            moved = Math.max(moved, Math.abs(after[i] - g[i]));
        }
        assertTrue(moved > 0 && moved <= 1.01e-3, "one Adam step of 0.001 from the baseline moved " + moved);
    }

    private static byte[] littleEndian(float[] values) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * values.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    @Test
    void aCheckpointOfAnotherWorkloadIsRefusedWithTheFix() throws Exception {
        train("ae", 2, "ck-shared");
        BadJobInputException e = assertThrows(BadJobInputException.class, () -> train("g", 3, "ck-shared",
                "--workload", "generator", "--latents", "4", "--real-samples", "4"));
        assertTrue(e.getMessage().contains("--checkpoint-dir"), e.getMessage());
    }

    @Test
    void aCheckpointIsResumedOnlyWithTheOptionsThatShapedIt() throws Exception {
        train("a", 2, "ck-options", "--batch-size", "20");
        BadJobInputException e = assertThrows(BadJobInputException.class,
                () -> train("b", 4, "ck-options", "--batch-size", "10"));
        assertTrue(e.getMessage().contains(" was made with other options (--batch-size was 20, is 10): rerun with the"
                + " checkpoint's options to resume it, or give a fresh --output or --checkpoint-dir"), e.getMessage());
        // the default learning rate given explicitly is the same run, and more steps continue it
        JobSummary resumed = train("c", 4, "ck-options", "--batch-size", "20", "--learning-rate", "0.002");
        assertEquals(2L, resumed.get("resumed_at_step"));
        e = assertThrows(BadJobInputException.class, () -> train("d", 3, "ck-options", "--batch-size", "20"));
        assertTrue(e.getMessage().startsWith("the last checkpoint is of step 4, beyond --steps 3: give --steps ≥ 4"),
                e.getMessage());
    }

    @Test
    void theReconstructionLossGradientMatchesFiniteDifferences() {
        int side = 6;
        SplittableRandom rnd = new SplittableRandom(4);
        double[] x = rnd.doubles(side * side, 0.05, 0.95).toArray();
        double[] t = rnd.doubles(side * side, -0.9, 0.9).toArray();
        ReconstructionLoss loss = new ReconstructionLoss(0.1,
                new TopologicalFeatures(new String[] {"partialsum:dim=0,skip=1", "topk:dim=1,k=1"}, 1));
        int[] shape = {side, side};
        double[] g = loss.evaluate(t, x, shape).dOutput();
        for (int i = 0; i < t.length; i++) {
            double h = 1e-7;
            double[] up = t.clone(), down = t.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (total(loss, up, x, shape) - total(loss, down, x, shape)) / (2 * h);
            assertEquals(numeric, g[i], 1e-6, "output " + i);
        }
    }

    private static double total(ReconstructionLoss loss, double[] t, double[] x, int[] shape) {
        ReconstructionLoss.Value v = loss.evaluate(t, x, shape);
        return v.squaredError() + 0.1 * v.topological();
    }

    @Test
    void exactSumsDoNotDependOnTheOrderOfMerging() {
        SplittableRandom rnd = new SplittableRandom(9);
        List<double[]> parts = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            parts.add(rnd.doubles(5, -1e3, 1e3).map(v -> v * Math.pow(10, -rnd.nextInt(12))).toArray());
        }
        double[] forward = mergeAll(parts);
        Collections.shuffle(parts, new java.util.Random(3));
        assertArrayEquals(forward, mergeAll(parts), 0);
        assertEquals(new ExactSum(5).add(new double[] {1, 2, 3, 4, 5}).merge(new ExactSum(0)).values()[4], 5, 0);
    }

    private static double[] mergeAll(List<double[]> parts) {
        ExactSum total = new ExactSum(0);
        for (double[] p : parts) {
            total = total.merge(new ExactSum(p.length).add(p));
        }
        return total.values();
    }

    @Test
    void miniBatchesAreDistinctIdsThatDependOnlyOnSeedAndStep() {
        long[] a = MiniBatches.ids(100, 30, 5, 3);
        assertEquals(30, Arrays.stream(a).distinct().filter(id -> id >= 0 && id < 100).count());
        assertArrayEquals(a, MiniBatches.ids(100, 30, 5, 3));
        assertNotEquals(Arrays.toString(a), Arrays.toString(MiniBatches.ids(100, 30, 5, 4)));
        assertEquals(null, MiniBatches.ids(100, 100, 5, 3));
        assertEquals(null, MiniBatches.ids(100, null, 5, 3));
    }

    private double[] parameters(String output, String file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(tmp.resolve(output).resolve(file)))) {
            return Checkpoints.read(in);
        }
    }
}
