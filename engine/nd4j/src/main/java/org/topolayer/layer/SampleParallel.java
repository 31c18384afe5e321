package org.topolayer.layer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;

/**
 * Runs independent per-sample work over a batch on a shared pool with one daemon worker per core.
 * The calling thread works too and waits only for samples that a running worker has claimed, so a
 * call from inside the pool (or from a busy pool) cannot deadlock. Work for different samples must
 * not share mutable state. Each sample's result goes to its own slot, so the output is bit for bit the
 * same whatever the thread count.
 */
public final class SampleParallel {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, CORES - 1), r -> {
        Thread t = new Thread(r, "topolayer-sample-worker");
        t.setDaemon(true);
        return t;
    });

    /** The system property that sets {@link #threads} at start-up (default: the cores). */
    public static final String THREADS_PROPERTY = "topolayer.sample.threads";

    /**
     * Threads that work on a batch, the caller included; 0 until first read from the property (read
     * on first use, not in the class initializer, so a bad value is a one-line error, not an
     * ExceptionInInitializerError).
     */
    private static volatile int threads;

    private SampleParallel() {}

    /** Threads that work on a batch (the caller included). */
    public static int threads() {
        int n = threads;
        if (n == 0) {
            n = initialThreads();
            threads = n;
        }
        return n;
    }

    /**
     * Sets the threads per batch, process-wide (the caller included; 1 runs batches on the calling
     * thread). The pool has one worker per core beyond the caller (at least one), so more than that
     * only queue. Set it where other parallelism already fills the cores: a Spark task sets it to its
     * {@code spark.task.cpus}, since Spark runs a task per core. Also settable at start-up with
     * {@code -Dtopolayer.sample.threads=N}. Results do not depend on it (each sample has its own slot).
     *
     * @throws IllegalArgumentException if n &lt; 1
     */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + n);
        }
        threads = n;
    }

    private static int initialThreads() {
        String configured = System.getProperty(THREADS_PROPERTY);
        if (configured == null) {
            return CORES;
        }
        try {
            int n = Integer.parseInt(configured.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + THREADS_PROPERTY + "=" + configured + ": expected a whole number ≥ 1");
    }

    /**
     * Calls {@code work.accept(i)} for every i in [0, count), in parallel, and returns when all are done.
     *
     * @throws IllegalArgumentException the first failing sample's exception, its message prefixed
     *     with "sample i: "; other runtime exceptions are rethrown likewise wrapped
     */
    public static void forEach(int count, IntConsumer work) {
        int workers = Math.min(threads(), count);
        if (workers <= 1) {
            for (int i = 0; i < count; i++) {
                runOne(i, work);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        AtomicReferenceArray<RuntimeException> failures = new AtomicReferenceArray<>(count);
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    work.accept(i);
                } catch (RuntimeException e) {
                    failures.set(i, e);
                } finally {
                    done.countDown();
                }
            }
        };
        for (int t = 1; t < workers; t++) {
            POOL.execute(worker);
        }
        worker.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        }
        for (int i = 0; i < count; i++) {
            if (failures.get(i) != null) {
                throw wrap(i, failures.get(i));
            }
        }
    }

    private static void runOne(int i, IntConsumer work) {
        try {
            work.accept(i);
        } catch (RuntimeException e) {
            throw wrap(i, e);
        }
    }

    private static RuntimeException wrap(int sample, RuntimeException e) {
        String message = "sample " + sample + ": " + e.getMessage();
        return e instanceof IllegalArgumentException ? new IllegalArgumentException(message, e)
                : new IllegalStateException(message, e);
    }
}
