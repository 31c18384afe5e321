package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.spark.output.JobSummary;

/**
 * The adversarial pipeline's driver, a separate JVM, is killed (SIGKILL) once its first attack has
 * finished a partition; the same command run again keeps the finished baseline training and the
 * finished partitions, and ends with the rows and summary of an uninterrupted run.
 */
@Tag("slow") // kills a real driver JVM and resumes (verify only)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class AdversarialResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledPipelineResumesToTheResultsOfAnUninterruptedRun() throws Exception {
        // 96 attacked test samples in 3 partitions, attacked through the topology layers
        String[] job = {"--input", "synthetic", "--model", "topmodel-mlp", "--train-samples", "60", "--eval-samples",
            "96", "--steps", "3", "--batch-size", "8", "--eps", "0.05", "--attack-steps", "3", "--train-attack-steps", "1"};
        Path killed = tmp.resolve("killed");
        Files.createDirectories(killed); // where the driver's attack stages its partitions
        KilledDriver driver = KilledDriver.start(tmp.resolve("driver.log"), "local[1]", "adversarial",
                LocalSpark.with(job, "--output-dir", killed.toString()));
        Path staging = driver.killAfter(killed.resolve("attack-before"), 1);
        assertFalse(Files.exists(killed.resolve("_summary.json")), () -> "killed before the end; the driver said: "
                + driver.log());
        int reused = KilledDriver.parts(staging).size();
        assertTrue(reused >= 1 && reused < 3, () -> reused + " partitions finished; the driver said: " + driver.log());

        SparkSession spark = LocalSpark.session();
        JobSummary resumed = LocalSpark.run(new AdversarialJob(), LocalSpark.with(job, "--output-dir", killed.toString()));
        assertEquals((long) reused, resumed.get("partitions_reused"), () -> "the driver said: " + driver.log());
        Map<?, ?> training = (Map<?, ?>) resumed.get("training");
        assertEquals(3L, ((Map<?, ?>) training.get("resumed_at_step")).get("baseline"),
                "the killed run's finished baseline training is kept, not retrained");

        Path straight = tmp.resolve("straight");
        JobSummary uninterrupted = LocalSpark.run(new AdversarialJob(), LocalSpark.with(job, "--output-dir",
                straight.toString()));
        assertEquals(0L, uninterrupted.get("partitions_reused"));
        for (String attack : new String[] {"attack-before", "attack-after"}) {
            assertEquals(LocalSpark.exactRows(spark.read().parquet(straight.resolve(attack).toString()), "id", "eps"),
                    LocalSpark.exactRows(spark.read().parquet(killed.resolve(attack).toString()), "id", "eps"),
                    attack + ", bit for bit");
        }
        assertEquals(uninterrupted.get("before"), resumed.get("before"));
        assertEquals(uninterrupted.get("after"), resumed.get("after"));
    }
}
