package org.topolayer.spark.train;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.topolayer.spark.io.Sample;

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

    /** Work on the driver before step's distributed part; the loss it reports, or NaN for none. */
    default double beforeStep(long step) {
        return Double.NaN;
    }
}
