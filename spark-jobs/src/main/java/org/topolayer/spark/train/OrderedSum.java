package org.topolayer.spark.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import scala.Tuple2;

/**
 * The sum of one vector per partition, added in partition order: bit for bit the same however many
 * executors run the tasks and whichever finishes first. Spark's treeAggregate adds partial results
 * in the order tasks complete, and floating-point addition is not associative, so a resumed or
 * re-run training would drift from an uninterrupted one in the last bits. Up to {@link #DIRECT}
 * partition sums go straight to the driver; more are first added in groups of consecutive
 * partitions on the executors (in index order), so the driver receives about √n vectors.
 */
final class OrderedSum {
    static final int DIRECT = 16;

    private OrderedSum() {}

    /** Σ over partitions of {@code partitionSum(partition)}; every partition's vector has the same length. */
    static <T> double[] of(JavaRDD<T> rdd, Function<Iterator<T>, double[]> partitionSum) {
        int n = rdd.getNumPartitions();
        JavaRDD<Tuple2<Integer, double[]>> sums = rdd.mapPartitionsWithIndex(
                (i, rows) -> List.of(new Tuple2<>(i, partitionSum.call(rows))).iterator(), false);
        if (n <= DIRECT) {
            return inIndexOrder(sums.collect());
        }
        int group = (int) Math.ceil(Math.sqrt(n));
        int groups = (n + group - 1) / group;
        return inIndexOrder(sums.mapToPair(s -> new Tuple2<>(s._1() / group, s))
                .groupByKey(groups)
                .map(g -> new Tuple2<>(g._1(), inIndexOrder(g._2())))
                .collect());
    }

    /** The vectors added in the order of their indices. */
    static double[] inIndexOrder(Iterable<Tuple2<Integer, double[]>> indexed) {
        List<Tuple2<Integer, double[]>> sorted = new ArrayList<>();
        indexed.forEach(sorted::add);
        sorted.sort(Comparator.comparing(Tuple2::_1));
        double[] sum = sorted.get(0)._2().clone();
        for (int k = 1; k < sorted.size(); k++) {
            double[] v = sorted.get(k)._2();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        return sum;
    }
}
