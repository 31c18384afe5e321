package org.topolayer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A train/test split that keeps each class's share: class c gives its quota n_c · test / n to the
 * test set (rounded by largest remainder, so the quotas add up to exactly {@code test}; ties go to
 * the lower class), chosen at random. Both sets are then shuffled, so their first N images are a
 * random mix of the classes. Uses {@link java.util.Random}, whose sequence the Java specification
 * fixes, so a seed gives the same split on every JDK.
 */
final class StratifiedSplit {
    /** Indices into the labels, in the order the sets are written. */
    record Split(int[] train, int[] test) {}

    private StratifiedSplit() {}

    /**
     * @param labels  class of each item, 0 ≤ label < classes
     * @param testSize items in the test set, 0..labels.length
     */
    static Split of(int[] labels, int classes, int testSize, long seed) {
        int n = labels.length;
        if (testSize < 0 || testSize > n) {
            throw new IllegalArgumentException("test size " + testSize + " out of 0.." + n);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byClass.get(labels[i]).add(i);
        }
        int[] quota = quotas(byClass.stream().mapToInt(List::size).toArray(), n, testSize);
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            int[] members = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
            shuffle(members, random);
            for (int k = 0; k < members.length; k++) {
                (k < quota[c] ? test : train).add(members[k]);
            }
        }
        int[] trainIdx = train.stream().mapToInt(Integer::intValue).toArray();
        int[] testIdx = test.stream().mapToInt(Integer::intValue).toArray();
        shuffle(trainIdx, random);
        shuffle(testIdx, random);
        return new Split(trainIdx, testIdx);
    }

    /** Hamilton's largest-remainder apportionment of {@code testSize} over classes of the given sizes. */
    static int[] quotas(int[] sizes, int n, int testSize) {
        int[] quota = new int[sizes.length];
        long[] remainder = new long[sizes.length];
        int given = 0;
        for (int c = 0; c < sizes.length; c++) {
            long share = (long) sizes[c] * testSize;
            quota[c] = (int) (share / Math.max(n, 1));
            remainder[c] = share % Math.max(n, 1);
            given += quota[c];
        }
        for (; given < testSize; given++) {
            int best = -1;
            for (int c = 0; c < sizes.length; c++) {
                if (quota[c] < sizes[c] && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1; // one extra item per class at most
        }
        return quota;
    }

    /** Fisher–Yates with {@link Random#nextInt(int)} (a specified algorithm, unlike Collections.shuffle's use of it). */
    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
