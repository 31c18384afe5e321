package org.topolayer.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.spark.LocalSpark;
import org.topolayer.spark.SparkJobs;
import org.topolayer.spark.TestJvm;
import org.topolayer.spark.io.SyntheticSource;
import org.topolayer.spark.output.JobSummary;

/**
 * The train job's driver, a separate JVM, is killed (SIGKILL) once a checkpoint exists; the same
 * command run again resumes from the last checkpoint and ends with exactly the parameters of an
 * uninterrupted run. The driver does not print the secrets in its Spark settings.
 */
@Tag("slow") // kills a real driver JVM and resumes (verify only)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DriverKillTest {
    private static final int STEPS = 6;
    private static final String AUTH_SECRET = "auth-4f1e9c0b7d";
    private static final String S3_SECRET = "wJalrXUtnFEMI-s3";

    @TempDir
    Path tmp;

    @Test
    void aKilledDriverResumesToTheParametersOfAnUninterruptedRun() throws Exception {
        // 4 Parquet files read as 4 partitions: the gradient sums add partial sums of several tasks
        String input = tmp.resolve("images").toString();
        SparkSession spark = LocalSpark.session();
        new SyntheticSource(80, 3).load(spark).select("id", "label", "values").repartition(4).write().parquet(input);
        String[] train = {"--input", input, "--format", "parquet", "--shape", "28x28", "--steps",
            Integer.toString(STEPS), "--hidden", "6", "--learning-rate", "0.003", "--checkpoint-every", "2"};
        killAndResume(spark, train);
    }

    @Test
    void aKilledDriverResumesAdversarialTrainingToTheParametersOfAnUninterruptedRun() throws Exception {
        String input = tmp.resolve("images").toString();
        SparkSession spark = LocalSpark.session();
        new SyntheticSource(60, 3).load(spark).select("id", "label", "values").repartition(4).write().parquet(input);
        String[] train = {"--workload", "classifier", "--model", "pixel-mlp", "--classifier-hidden", "16",
            "--input", input, "--format", "parquet", "--shape", "28x28", "--label-column", "label", "--steps",
            Integer.toString(STEPS), "--batch-size", "30", "--adversarial-attack", "pgd", "--adversarial-eps", "0.1",
            "--adversarial-steps", "3", "--checkpoint-every", "2"};
        killAndResume(spark, train);
    }

    /** Kills the driver once it wrote a checkpoint, runs the same command again and compares with a straight run. */
    private void killAndResume(SparkSession spark, String[] train) throws Exception {
        Path killed = tmp.resolve("killed");
        Process first = driver(options(train, killed));
        Path checkpoint = killed.resolveSibling("killed.checkpoints").resolve("step-2.ckpt");
        while (!Files.exists(checkpoint) && first.isAlive()) {
            Thread.sleep(20);
        }
        first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no cleanup
        assertFalse(Files.exists(killed), "killed before the end");
        long last;
        try (java.util.stream.Stream<Path> files = Files.list(killed.resolveSibling("killed.checkpoints"))) {
            last = files.map(f -> f.getFileName().toString()).filter(f -> f.matches("step-\\d+\\.ckpt"))
                    .mapToLong(f -> Long.parseLong(f.replaceAll("\\D", ""))).max().orElse(0);
        }
        assertTrue(last >= 2 && last < STEPS, () -> "last checkpoint " + last + "; the driver said: " + driverLog());

        // the same command again (in this JVM: a fresh driver all the same) resumes and finishes
        spark.conf().set("spark.sql.files.openCostInBytes", "128m");
        try {
            JobSummary resumed = LocalSpark.run(new TrainJob(), options(train, killed));
            assertEquals(last, resumed.get("resumed_at_step"), "resumed from the last checkpoint, intact");
            LocalSpark.run(new TrainJob(), options(train, tmp.resolve("straight")));
        } finally {
            spark.conf().unset("spark.sql.files.openCostInBytes");
        }
        assertArrayEquals(parameters(tmp.resolve("straight")), parameters(killed), 0, "bit for bit");
        String log = driverLog();
        assertFalse(log.contains(AUTH_SECRET) || log.contains(S3_SECRET), "the driver printed a secret: " + log);
    }

    /** Starts the train job as its own driver JVM on local[2], stdout and stderr to driver.log. */
    private Process driver(String[] args) throws IOException {
        List<String> options = List.of("-Xmx1g", "-Dspark.master=local[2]", "-Dspark.ui.enabled=false",
                "-Dspark.driver.host=127.0.0.1", "-Dspark.sql.files.openCostInBytes=128m",
                "-Dspark.authenticate=true", "-Dspark.authenticate.secret=" + AUTH_SECRET,
                "-Dspark.hadoop.fs.s3a.secret.key=" + S3_SECRET);
        ProcessBuilder pb = new ProcessBuilder(TestJvm.command(options, SparkJobs.class.getName(),
                java.util.stream.Stream.concat(java.util.stream.Stream.of("train"), java.util.Arrays.stream(args))
                        .toArray(String[]::new)));
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("driver.log").toFile());
        return pb.start();
    }

    private String driverLog() {
        try {
            return Files.readString(tmp.resolve("driver.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The train command's options with --output. */
    private static String[] options(String[] train, Path output) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(train), java.util.stream.Stream.of("--output",
                output.toString())).toArray(String[]::new);
    }

    private static double[] parameters(Path trainOutput) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(trainOutput.resolve("parameters.bin")))) {
            return Checkpoints.read(in);
        }
    }
}
