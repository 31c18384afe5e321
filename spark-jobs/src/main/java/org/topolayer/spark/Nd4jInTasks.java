package org.topolayer.spark;

import org.apache.spark.TaskContext;
import org.topolayer.layer.SampleParallel;
import org.topolayer.nn.Nd4jThreads;

/** ND4J and the per-sample thread pool ({@link SampleParallel}) inside Spark tasks. */
public final class Nd4jInTasks {
    private Nd4jInTasks() {}

    /**
     * Caps ND4J's threads and the layers' per-sample threads at the running task's CPUs
     * ({@code spark.task.cpus}, 1 by default): Spark already runs a task per core, and more threads
     * would only compete with the other tasks. Process-wide, so every task of a job sets the same value.
     */
    public static void limitThreads() {
        TaskContext task = TaskContext.get();
        int cpus = task == null ? 1 : Math.max(1, task.cpus());
        Nd4jThreads.limit(cpus);
        SampleParallel.setThreads(cpus);
    }
}
