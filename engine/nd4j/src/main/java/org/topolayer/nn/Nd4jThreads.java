package org.topolayer.nn;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Caps ND4J's native threads (its OpenMP ops and OpenBLAS's matrix products), process-wide. */
public final class Nd4jThreads {
    private Nd4jThreads() {}

    /**
     * At most {@code threads} threads per ND4J op. On a small machine shared with other work (or
     * with other Spark tasks), one thread was 2-5× faster in wall time than ND4J's default:
     * OpenMP's waiting threads spin and stall when a core is taken. OpenBLAS keeps a pool of its own,
     * sized at load time from the core count, whose idle threads spin too: left alone, one training
     * thread of a CNN burned 0.7 s of system time per second of work, and two training threads in one
     * process (the generate application's GAN and scorer) each ran at half speed. The persistence
     * work runs on its own Java pool.
     */
    public static void limit(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("ND4J needs at least one thread, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
