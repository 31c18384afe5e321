package org.topolayer.spark.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which samples a step uses, and the other random draws of a step, as functions of the seed and
 * the step number alone: a resumed run, a cluster and local mode draw the same.
 */
final class MiniBatches {
    /** Independent random streams. */
    enum Stream { BATCH, DISCRIMINATOR, LATENT, ADVERSARIAL }

    private MiniBatches() {}

    /** The generator of one stream at one index (a step; a latent code's id). */
    static SplittableRandom random(long seed, long index, Stream stream) {
        // SplittableRandom hashes its seed, so nearby seeds give unrelated streams
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 4 + stream.ordinal());
    }

    /**
     * The ids (sorted) of step's mini-batch of {@code batchSize} distinct samples among ids
     * 0..count−1, or null when the batch is the whole set (no batch size, or one ≥ count).
     */
    static long[] ids(long count, Integer batchSize, long seed, long step) {
        if (batchSize == null || batchSize >= count) {
            return null;
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("mini-batches are drawn from at most 2³¹ samples, got " + count);
        }
        int[] order = new int[(int) count];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = random(seed, step, Stream.BATCH);
        long[] chosen = new long[batchSize];
        for (int k = 0; k < batchSize; k++) { // the first batchSize draws of a Fisher-Yates shuffle
            int j = k + random.nextInt(order.length - k);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
            chosen[k] = order[k];
        }
        Arrays.sort(chosen);
        return chosen;
    }
}
