package org.topolayer.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.spark.LocalSpark;
import org.topolayer.spark.attack.TopologicalFeatures;
import org.topolayer.spark.output.JobSummary;

class TrainJobTest {
    @TempDir
    Path tmp;

    private JobSummary train(String name, int steps, String checkpoints) throws Exception {
        return LocalSpark.run(new TrainJob(), "--input", "synthetic", "--synthetic-count", "48", "--steps",
                Integer.toString(steps), "--hidden", "8", "--lambda", "0.01", "--learning-rate", "0.002", "--checkpoint-every", "2",
                "--checkpoint-dir", tmp.resolve(checkpoints).toString(), "--output", tmp.resolve(name).toString());
    }

    @Test
    void resumingFromACheckpointGivesTheParametersOfAnUninterruptedRun() throws Exception {
        JobSummary straight = train("straight", 4, "ck-straight");
        train("half", 2, "ck-resumed");
        JobSummary resumed = train("resumed", 4, "ck-resumed");
        assertEquals(2L, resumed.get("resumed_at_step"));
        assertArrayEquals(parameters("straight"), parameters("resumed"), 1e-12);
        @SuppressWarnings("unchecked")
        List<Double> losses = (List<Double>) straight.get("losses");
        assertTrue(losses.get(3) < losses.get(0), losses.toString());
    }

    @Test
    void aCheckpointOfAnotherModelIsRefusedInOneLine() throws Exception {
        train("small", 2, "ck-other");
        org.topolayer.spark.BadJobInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.topolayer.spark.BadJobInputException.class, () -> LocalSpark.run(new TrainJob(), "--input",
                        "synthetic", "--synthetic-count", "48", "--steps", "4", "--hidden", "5", "--checkpoint-dir",
                        tmp.resolve("ck-other").toString(), "--output", tmp.resolve("other").toString()));
        assertTrue(e.getMessage().contains("checkpoint of step 2 in ") && e.getMessage().contains("--checkpoint-dir"),
                e.getMessage());
    }

    @Test
    void theGradientMatchesFiniteDifferences() {
        int side = 6;
        SplittableRandom rnd = new SplittableRandom(4);
        double[] x = rnd.doubles(side * side, 0.05, 0.95).toArray();
        Autoencoder model = new Autoencoder(side * side, 3, 0.1,
                new TopologicalFeatures(new String[] {"partialsum:dim=0,skip=1", "topk:dim=1,k=1"}, 1));
        double[] p = model.initialParameters(1);
        int[] shape = {side, side};
        double[] g = new double[p.length];
        model.addGradient(p, x, shape, g);
        for (int i : new int[] {0, 17, p.length / 2, p.length - 40, p.length - 1}) {
            double h = 1e-6;
            double[] up = p.clone(), down = p.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (model.addGradient(up, x, shape, new double[p.length])
                    - model.addGradient(down, x, shape, new double[p.length])) / (2 * h);
            assertEquals(numeric, g[i], 1e-6, "parameter " + i);
        }
    }

    private double[] parameters(String output) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(tmp.resolve(output).resolve(
                "parameters.bin")))) {
            return Checkpoints.read(in);
        }
    }
}
