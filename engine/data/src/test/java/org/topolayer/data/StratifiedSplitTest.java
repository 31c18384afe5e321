package org.topolayer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
    @Test
    void quotasOfThePackagesClassesAddUpTo2000() {
        int[] sizes = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
        int[] q = StratifiedSplit.quotas(sizes, 10_000, 2000);
        assertArrayEquals(new int[] {200, 225, 198, 206, 196, 173, 203, 214, 189, 196}, q);
    }

    @Test
    void largestRemaindersGetTheLeftoverAndTiesGoToTheLowerClass() {
        // 4 of 9 from 3+3+3: 1 each by floor, equal remainders, the extra to class 0
        assertArrayEquals(new int[] {2, 1, 1}, StratifiedSplit.quotas(new int[] {3, 3, 3}, 9, 4));
        // 3 of 10 from 5+4+1: exact shares 1.5, 1.2, 0.3: floors 1,1,0, the extra to the largest remainder (class 0)
        assertArrayEquals(new int[] {2, 1, 0}, StratifiedSplit.quotas(new int[] {5, 4, 1}, 10, 3));
        assertArrayEquals(new int[] {0, 0}, StratifiedSplit.quotas(new int[] {2, 3}, 5, 0));
        assertArrayEquals(new int[] {2, 3}, StratifiedSplit.quotas(new int[] {2, 3}, 5, 5));
    }

    @Test
    void aSeedFixesTheSplitAndEveryItemIsUsedOnce() {
        int[] labels = IntStream.range(0, 40).map(i -> i % 4 == 3 ? 1 : 0).toArray(); // 30 of class 0, 10 of class 1
        StratifiedSplit.Split a = StratifiedSplit.of(labels, 2, 8, 11), b = StratifiedSplit.of(labels, 2, 8, 11);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.test(), b.test());
        StratifiedSplit.Split other = StratifiedSplit.of(labels, 2, 8, 12);
        assertFalse(Arrays.equals(a.test(), other.test()), "another seed, another split");
        int[] all = IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 40).toArray(), all);
        assertEquals(6, Arrays.stream(a.test()).filter(i -> labels[i] == 0).count());
        assertEquals(2, Arrays.stream(a.test()).filter(i -> labels[i] == 1).count());
        // java.util.Random's sequence is specified: this split is the same on every JDK
        assertEquals(Arrays.toString(PINNED_TEST), Arrays.toString(a.test()));
    }

    private static final int[] PINNED_TEST = {38, 26, 32, 33, 22, 0, 3, 15};
}
