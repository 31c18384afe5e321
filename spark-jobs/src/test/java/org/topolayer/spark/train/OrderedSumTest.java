package org.topolayer.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.topolayer.spark.LocalSpark;

/** Partition sums are added in partition order, whichever task finishes first. */
class OrderedSumTest {
    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {5, 20})
    void theSumIsAddedInPartitionOrder(int partitions) {
        // values spanning many magnitudes: another order of additions gives other bits
        SplittableRandom rnd = new SplittableRandom(partitions);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(rnd.doubles(6, -1, 1).map(v -> v * Math.pow(10, rnd.nextInt(-8, 9))).toArray());
        }
        JavaRDD<double[]> rdd = JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext())
                .parallelize(rows, partitions);
        List<double[]> partitionSums = new ArrayList<>();
        for (int i = 0; i < partitions; i++) { // parallelize gives partition i the rows [i·len/n, (i+1)·len/n)
            partitionSums.add(sum(rows.subList(i * rows.size() / partitions, (i + 1) * rows.size() / partitions)));
        }
        double[] expected = inOrder(partitionSums, partitions);
        for (int run = 0; run < 2; run++) {
            int seed = run;
            double[] sum = OrderedSum.of(rdd, partition -> {
                double[] s = sum(toList(partition));
                Thread.sleep(new SplittableRandom(seed * 1000L + Arrays.hashCode(s)).nextInt(10)); // vary the completion order
                return s;
            });
            assertArrayEquals(expected, sum, 0, "run " + run);
        }
        List<double[]> reversed = new ArrayList<>(partitionSums);
        java.util.Collections.reverse(reversed);
        assertFalse(Arrays.equals(expected, sum(reversed)), "the data is sensitive to the order of additions");
    }

    /** The reference: partition sums added in index order, in groups of ⌈√n⌉ beyond {@link OrderedSum#DIRECT}. */
    private static double[] inOrder(List<double[]> partitionSums, int n) {
        if (n <= OrderedSum.DIRECT) {
            return sum(partitionSums);
        }
        int group = (int) Math.ceil(Math.sqrt(n));
        List<double[]> groups = new ArrayList<>();
        for (int start = 0; start < n; start += group) {
            groups.add(sum(partitionSums.subList(start, Math.min(n, start + group))));
        }
        return sum(groups);
    }

    private static double[] sum(List<double[]> vectors) {
        double[] s = vectors.get(0).clone();
        for (double[] v : vectors.subList(1, vectors.size())) {
            for (int i = 0; i < s.length; i++) {
                s[i] += v[i];
            }
        }
        return s;
    }

    private static List<double[]> toList(java.util.Iterator<double[]> it) {
        List<double[]> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
