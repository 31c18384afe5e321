package org.topolayer.spark;

import org.apache.spark.TaskContext;
import org.topolayer.nn.Nd4jThreads;

/** ND4J inside Spark tasks. */
public final class Nd4jInTasks {
    private Nd4jInTasks() {}

    /**
     * Caps ND4J's threads at the running task's CPUs ({@code spark.task.cpus}, 1 by default):
     * Spark already runs a task per core, and ND4J's own threads would only compete with the
     * other tasks. Process-wide, so every task of a job sets the same value.
     */
    public static void limitThreads() {
        TaskContext task = TaskContext.get();
        Nd4jThreads.limit(task == null ? 1 : Math.max(1, task.cpus()));
    }
}
