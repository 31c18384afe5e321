package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.spark.io.SyntheticSource;
import org.topolayer.spark.persistence.PersistenceJob;
import picocli.CommandLine;

/**
 * The same input and seed give bit-identical diagrams and features whatever the partition count
 * (the input as 1, 3 or 7 Parquet files, one partition each) and the number of local threads
 * (local[1], local[2]). Executor counts are compared on the standalone cluster
 * ({@link StandaloneClusterTest}), thread counts of the engine's batches in the engine's tests.
 */
@Tag("slow") // jobs repeated on local Spark (verify only)
class DeterminismTest {
    private static final String[] JOB = {"--format", "parquet", "--shape", "28x28", "--id-column", "id",
        "--label-column", "label", "--feature", "topk:dim=0,k=4;landscape:dim=1,levels=2,min=0,max=1,steps=8;"
            + "image:dim=1,bmin=0,bmax=1,pmax=1,size=4,sigma=0.1"};

    @TempDir
    Path tmp;

    @Test
    void partitionAndThreadCountsDoNotChangeABit() throws Exception {
        SparkSession spark = LocalSpark.session();
        // a file costs as much as a full partition to open: Spark then reads each small file as a partition
        spark.conf().set("spark.sql.files.openCostInBytes", "128m");
        Map<Integer, String> inputs = new java.util.TreeMap<>();
        for (int files : new int[] {1, 3, 7}) {
            String input = tmp.resolve("images-" + files).toString();
            new SyntheticSource(150, 5).load(spark).select("id", "label", "values").repartition(files).write()
                    .parquet(input);
            assertEquals(files, spark.read().parquet(input).rdd().getNumPartitions(), "partitions of " + input);
            inputs.put(files, input);
        }
        List<String> reference = persistence(spark, inputs.get(1), "1 partition");
        assertEquals(150, reference.size());
        for (int files : new int[] {3, 7}) {
            assertEquals(reference, persistence(spark, inputs.get(files), files + " partitions"), files + " partitions");
        }
        spark.stop();
        try (SparkSession oneThread = TopoSpark.session("topolayer determinism test", "local[1]", Map.of(
                "spark.ui.enabled", "false", "spark.driver.host", "127.0.0.1", "spark.sql.files.openCostInBytes", "128m"))) {
            assertEquals(1, oneThread.sparkContext().defaultParallelism());
            assertEquals(reference, persistence(oneThread, inputs.get(7), "one thread"), "local[1] vs local[2]");
        }
    }

    private List<String> persistence(SparkSession spark, String input, String name) throws Exception {
        String out = tmp.resolve("out-" + name.replace(' ', '-')).toString();
        PersistenceJob job = new PersistenceJob();
        new CommandLine(job).parseArgs(java.util.stream.Stream.concat(java.util.Arrays.stream(JOB),
                java.util.stream.Stream.of("--input", input, "--output", out)).toArray(String[]::new));
        assertEquals(0L, job.run(spark).get("rejected"), name);
        return LocalSpark.exactRows(spark.read().parquet(out), "id");
    }
}
