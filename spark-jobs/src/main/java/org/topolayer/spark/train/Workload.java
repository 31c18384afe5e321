package org.topolayer.spark.train;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.output.AtomicOutput;

/** One {@code --workload} of the train job, on the driver: its samples, its networks, its loss. */
interface Workload {
    /** The name in summaries and checkpoints. */
    String name();

    /** The samples the partitions hold, with ids 0..n−1 (mini-batches select by id); the job caches them. */
    JavaRDD<Sample> samples();

    /** The networks trained and checkpointed together; the executors' gradient is the first one's. */
    List<TrainedNetwork> networks();

    /** The executors' part of a step. */
    BatchGradient gradient();

    /**
     * Ids per evaluation group (see {@link DistributedGradient}), 0 for none: a workload whose
     * samples are partitioned by {@link GroupPartitioner} with this span gives the same step on any
     * number of partitions.
     */
    default long groupSpan() {
        return 0;
    }

    /** Work on the driver before step's distributed part; the loss it reports, or NaN for none. */
    default double beforeStep(long step) {
        return Double.NaN;
    }

    /** The step's mini-batch (sorted ids), or null for all samples: {@link MiniBatches#ids} unless overridden. */
    default long[] ids(long count, Integer batchSize, long seed, long step) {
        return MiniBatches.ids(count, batchSize, seed, step);
    }

    /**
     * A penalty on the trained network's parameters alone, added on the driver: adds its gradient
     * into {@code gradient} and returns its value (0: none).
     */
    default double addPenalty(double[] parameters, double[] gradient) {
        return 0;
    }

    /** Writes the workload's own outputs besides the parameters. */
    default void write(AtomicOutput out) throws IOException {
    }

    /** The workload's own figures for the summary (none by default). */
    default Map<String, Object> describe() {
        return Map.of();
    }
}
