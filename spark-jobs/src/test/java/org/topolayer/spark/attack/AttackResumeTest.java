package org.topolayer.spark.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.spark.KilledDriver;
import org.topolayer.spark.LocalSpark;
import org.topolayer.spark.output.JobSummary;

/**
 * The attack job's driver, a separate JVM, is killed (SIGKILL) once a partition of attacked
 * samples is finished; the same command run again trains the same classifier (same checksum), reuses
 * the finished partitions and writes exactly the rows of an uninterrupted run.
 */
@Tag("slow") // kills a real driver JVM and resumes (verify only)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class AttackResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledDriverIsResumedToTheRowsOfAnUninterruptedRun() throws Exception {
        // 96 attacked samples in 3 partitions (one per 32), attacked through the topology layers
        String[] job = {"--input", "synthetic", "--synthetic-count", "196", "--train-samples", "100",
            "--eval-samples", "96", "--model", "topmodel-mlp", "--epochs", "2", "--directions", "4", "--method", "pgd",
            "--steps", "3", "--eps", "0.05"};
        Path killed = tmp.resolve("killed");
        KilledDriver driver = KilledDriver.start(tmp.resolve("driver.log"), "local[1]", "attack",
                LocalSpark.with(job, "--output", killed.toString()));
        Path staging = driver.killAfter(killed, 1);
        assertFalse(Files.exists(killed), () -> "killed before the end; the driver said: " + driver.log());
        int reused = KilledDriver.parts(staging).size();
        assertTrue(reused >= 1 && reused < 3, () -> reused + " partitions finished; the driver said: " + driver.log());

        SparkSession spark = LocalSpark.session();
        JobSummary resumed = LocalSpark.run(new AttackJob(), LocalSpark.with(job, "--output", killed.toString()));
        assertEquals(reused, resumed.get("partitions_reused"), () -> "the driver said: " + driver.log());
        assertEquals((long) (3 - reused), resumed.get("partitions_computed"));
        JobSummary straight = LocalSpark.run(new AttackJob(), LocalSpark.with(job, "--output",
                tmp.resolve("straight").toString()));
        assertEquals(0, straight.get("partitions_reused"));
        assertEquals(LocalSpark.exactRows(spark.read().parquet(tmp.resolve("straight").toString()), "id", "eps"),
                LocalSpark.exactRows(spark.read().parquet(killed.toString()), "id", "eps"), "bit for bit");
        assertEquals(straight.get("accuracy_by_eps"), resumed.get("accuracy_by_eps"));
        assertEquals(straight.get("classifier"), resumed.get("classifier"), "the same classifier, trained again");
    }
}
