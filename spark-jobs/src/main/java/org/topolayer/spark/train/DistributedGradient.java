package org.topolayer.spark.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.topolayer.spark.Nd4jInTasks;
import org.topolayer.spark.io.Sample;

/**
 * The distributed part of a synchronous train step: the driver broadcasts the networks'
 * parameters (and the mini-batch's ids); each partition evaluates its selected samples in
 * batches with ND4J ({@link BatchGradient}) and sums their gradients and losses; the partition
 * sums are combined with {@code treeAggregate} as {@link ExactSum}s, so the result does not depend
 * on the order tasks finish in.
 *
 * <p>With a group span g &gt; 0, the samples with ids in [k·g, (k+1)·g) form one ND4J batch and
 * their sum is rounded to fixed point on its own; when the samples' partitions hold whole groups
 * in id order ({@link GroupPartitioner}), a step's sum is then the same bit for bit however many
 * partitions there are (with g = 0 a partition's batches depend on where the partitions cut).
 */
final class DistributedGradient {
    /** Samples per ND4J batch: large enough to amortise op dispatch, small enough for the activations. */
    static final int BATCH = 500;

    private DistributedGradient() {}

    /**
     * [Σ gradient (p entries), Σ task loss, Σ topological loss, samples] over the selected samples.
     *
     * @param ids       the mini-batch (sorted sample ids), or null for all samples
     * @param groupSpan ids per evaluation group, or 0 for batches of {@link #BATCH} within a partition
     */
    static double[] sum(JavaSparkContext jsc, JavaRDD<Sample> samples, long[] ids, List<TrainedNetwork> networks,
                        BatchGradient gradient, long groupSpan) {
        ModelShape<?>[] shapes = networks.stream().map(TrainedNetwork::shape).toArray(ModelShape<?>[]::new);
        float[][] parameters = networks.stream().map(TrainedNetwork::floats).toArray(float[][]::new);
        int length = networks.get(0).parameterCount() + BatchGradient.SLOTS;
        Broadcast<float[][]> shipped = jsc.broadcast(parameters);
        Broadcast<long[]> chosen = jsc.broadcast(ids == null ? new long[0] : ids);
        boolean all = ids == null;
        try {
            return samples.mapPartitions((Iterator<Sample> it) -> {
                ExactSum partial = partitionSum(it, all ? null : chosen.value(), shapes, shipped, gradient, length,
                        groupSpan);
                return Collections.singletonList(partial).iterator();
            }).treeAggregate(new ExactSum(0), ExactSum::merge, ExactSum::merge, 2).values();
        } finally {
            shipped.destroy();
            chosen.destroy();
        }
    }

    private static ExactSum partitionSum(Iterator<Sample> samples, long[] ids, ModelShape<?>[] shapes,
                                         Broadcast<float[][]> parameters, BatchGradient gradient, int length,
                                         long groupSpan) {
        Nd4jInTasks.limitThreads();
        double[] sum = new double[length];
        ExactSum groups = new ExactSum(0);
        Object[] networks = null;
        List<Sample> batch = new ArrayList<>(BATCH);
        long group = -1;
        while (samples.hasNext()) {
            Sample s = samples.next();
            long g = groupSpan > 0 ? s.getId() / groupSpan : -1;
            if (groupSpan > 0 && g != group && !batch.isEmpty()) {
                if (g < group) {
                    throw new IllegalStateException("samples out of id order: the partitions must hold whole"
                            + " groups sorted by id");
                }
                networks = evaluate(batch, networks, shapes, parameters, gradient, sum);
                groups.merge(new ExactSum(length).add(sum));
                Arrays.fill(sum, 0);
            }
            group = g;
            if (ids == null || Arrays.binarySearch(ids, s.getId()) >= 0) {
                batch.add(s);
            }
            if (!batch.isEmpty() && ((groupSpan == 0 && batch.size() == BATCH) || !samples.hasNext())) {
                networks = evaluate(batch, networks, shapes, parameters, gradient, sum);
                if (groupSpan > 0) {
                    groups.merge(new ExactSum(length).add(sum));
                    Arrays.fill(sum, 0);
                }
            }
        }
        if (groupSpan > 0) {
            return groups;
        }
        // a partition without selected samples ships an empty (identity) sum, not p zeros
        return networks == null ? new ExactSum(0) : new ExactSum(length).add(sum);
    }

    /** Adds a batch's gradient into {@code sum} and empties it; returns the networks (built on first use). */
    private static Object[] evaluate(List<Sample> batch, Object[] networks, ModelShape<?>[] shapes,
                                     Broadcast<float[][]> parameters, BatchGradient gradient, double[] sum) {
        if (networks == null) {
            networks = ExecutorNetworks.of(shapes, parameters.value());
        }
        gradient.addTo(batch, networks, sum);
        batch.clear();
        return networks;
    }
}
