package org.topolayer.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValueOrderTest {

    /** Values crowded within a few ulps of each other, plus signed zeros and infinities. */
    private static double[] crowded(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        double base = rnd.nextDouble() * 100 - 50;
        for (int i = 0; i < n; i++) {
            v[i] = switch (rnd.nextInt(6)) {
                case 0 -> base + Math.ulp(base) * rnd.nextInt(5000);
                case 1 -> rnd.nextBoolean() ? 0.0 : -0.0;
                case 2 -> rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case 3 -> rnd.nextInt(4);
                default -> rnd.nextGaussian();
            };
        }
        return v;
    }

    private static int[] expectedOrder(double[] v) {
        return IntStream.range(0, v.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> v[i] + 0.0).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    @Test
    void ordersByValueThenIndexOnBothPaths() {
        SplittableRandom rnd = new SplittableRandom(1);
        ValueOrder order = new ValueOrder();
        for (int n : new int[] {0, 1, 2, 47, 48, 49, 784, 4095, 4096, 4097, 20_000}) {
            for (int trial = 0; trial < 5; trial++) {
                double[] v = crowded(rnd, n);
                int[] got = new int[n], rank = new int[n];
                order.sort(v, n, got, rank);
                assertArrayEquals(expectedOrder(v), got, "n=" + n);
                for (int i = 0; i < n; i++) {
                    assertArrayEquals(new int[] {i}, new int[] {rank[got[i]]});
                }
            }
        }
    }

    /** Finite values spread over their range (the bucket sort's case), with ties, signed zeros or outliers. */
    private static double[] spread(SplittableRandom rnd, int n, int kind) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case 0 -> rnd.nextDouble();
                case 1 -> rnd.nextInt(10) < 7 ? 0.0 : rnd.nextInt(256) / 255.0; // image-like: many ties
                case 2 -> rnd.nextBoolean() ? -0.0 : rnd.nextInt(3) - 1.0;
                case 3 -> rnd.nextInt(2 * n) / 7.0; // about two levels per bucket: ties among out-of-order values
                case 4 -> Math.exp(30 * rnd.nextDouble()); // heavy tail: most values in the first bucket
                default -> i == n / 2 ? 1e300 : rnd.nextGaussian(); // one outlier
            };
        }
        return v;
    }

    @Test
    void ordersSpreadAndSkewedValuesByValueThenIndex() {
        SplittableRandom rnd = new SplittableRandom(3);
        ValueOrder order = new ValueOrder();
        for (int n : new int[] {2, 3, 784, 5000}) {
            for (int kind = 0; kind < 6; kind++) {
                double[] v = spread(rnd, n, kind);
                int[] got = new int[n], rank = new int[n];
                order.sort(v, n, got, rank);
                assertArrayEquals(expectedOrder(v), got, "n=" + n + " kind=" + kind);
            }
        }
    }

    @Test
    void sortsPairsLexicographically() {
        SplittableRandom rnd = new SplittableRandom(2);
        ValueOrder order = new ValueOrder();
        for (int n : new int[] {0, 5, 100, 10_000}) {
            for (int kind = -1; kind < 6; kind++) { // -1: crowded first values, else spread ones
                double[] a = kind < 0 ? crowded(rnd, n) : spread(rnd, n, kind), b = crowded(rnd, n);
                int[] got = new int[n];
                order.sortPairs(a, b, n, got);
                int[] want = IntStream.range(0, n).boxed()
                        .sorted(Comparator.<Integer>comparingDouble(i -> a[i] + 0.0)
                                .thenComparingDouble(i -> b[i] + 0.0).thenComparingInt(i -> i))
                        .mapToInt(Integer::intValue).toArray();
                assertArrayEquals(want, got, "n=" + n + " kind=" + kind);
            }
        }
    }
}
