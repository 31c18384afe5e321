package org.topolayer.spark.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.topolayer.nn.MlpNetwork;
import org.topolayer.spark.Nd4jInTasks;
import org.topolayer.spark.io.Sample;

/**
 * The distributed part of a synchronous train step: the driver broadcasts the networks'
 * parameters (and the mini-batch's ids); each partition evaluates its selected samples in
 * batches with ND4J ({@link BatchGradient}) and sums their gradients and losses; the partition
 * sums are combined with {@code treeAggregate} as {@link ExactSum}s, so the result does not depend
 * on the order tasks finish in.
 */
final class DistributedGradient {
    /** Samples per ND4J batch: large enough to amortise op dispatch, small enough for the activations. */
    static final int BATCH = 500;

    private DistributedGradient() {}

    /**
     * [Σ gradient (p entries), Σ task loss, Σ topological loss, samples] over the selected samples.
     *
     * @param ids the mini-batch (sorted sample ids), or null for all samples
     */
    static double[] sum(JavaSparkContext jsc, JavaRDD<Sample> samples, long[] ids, List<TrainedNetwork> networks,
                        BatchGradient gradient) {
        NetworkShape[] shapes = networks.stream().map(TrainedNetwork::shape).toArray(NetworkShape[]::new);
        float[][] parameters = networks.stream().map(TrainedNetwork::floats).toArray(float[][]::new);
        int length = networks.get(0).parameterCount() + BatchGradient.SLOTS;
        Broadcast<float[][]> shipped = jsc.broadcast(parameters);
        Broadcast<long[]> chosen = jsc.broadcast(ids == null ? new long[0] : ids);
        boolean all = ids == null;
        try {
            return samples.mapPartitions((Iterator<Sample> it) -> {
                ExactSum partial = partitionSum(it, all ? null : chosen.value(), shapes, shipped, gradient, length);
                return Collections.singletonList(partial).iterator();
            }).treeAggregate(new ExactSum(0), ExactSum::merge, ExactSum::merge, 2).values();
        } finally {
            shipped.destroy();
            chosen.destroy();
        }
    }

    private static ExactSum partitionSum(Iterator<Sample> samples, long[] ids, NetworkShape[] shapes,
                                         Broadcast<float[][]> parameters, BatchGradient gradient, int length) {
        Nd4jInTasks.limitThreads();
        double[] sum = new double[length];
        MlpNetwork[] networks = null;
        List<Sample> batch = new ArrayList<>(BATCH);
        while (samples.hasNext()) {
            Sample s = samples.next();
            if (ids == null || Arrays.binarySearch(ids, s.getId()) >= 0) {
                batch.add(s);
            }
            if (!batch.isEmpty() && (batch.size() == BATCH || !samples.hasNext())) {
                if (networks == null) {
                    networks = ExecutorNetworks.of(shapes, parameters.value());
                }
                gradient.addTo(batch, networks, sum);
                batch.clear();
            }
        }
        // a partition without selected samples ships an empty (identity) sum, not p zeros
        return networks == null ? new ExactSum(0) : new ExactSum(length).add(sum);
    }
}
