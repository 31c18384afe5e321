package org.topolayer.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * A listener that kills a worker of a {@link TestCluster} (SIGKILL to the worker and its executor,
 * as when a machine dies) in the middle of a stage: once a task has finished and while the
 * worker's executor is running one. Counts the tasks lost with it.
 */
final class WorkerKiller extends SparkListener {
    private final List<ProcessHandle> victims;
    private final String executorId;
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private volatile boolean killed;

    /** @param worker "worker-N", whose executor must be running */
    WorkerKiller(TestCluster cluster, String worker) throws IOException {
        ProcessHandle daemon = ProcessHandle.of(cluster.pid(worker)).orElseThrow();
        ProcessHandle executor = null;
        List<String> args = List.of();
        for (ProcessHandle child : daemon.descendants().toList()) {
            if (commandLine(child.pid()).contains("--executor-id")) {
                executor = child;
                args = commandLine(child.pid());
            }
        }
        if (executor == null) {
            throw new IllegalStateException(worker + " runs no executor");
        }
        this.executorId = args.get(args.indexOf("--executor-id") + 1);
        this.victims = List.of(executor, daemon);
    }

    /** A process's arguments, from /proc (ProcessHandle.Info leaves out long command lines). */
    private static List<String> commandLine(long pid) throws IOException {
        String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                StandardCharsets.UTF_8);
        return List.of(raw.split("\0"));
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        running.computeIfAbsent(start.taskInfo().executorId(), id -> new AtomicInteger()).incrementAndGet();
        killIfMidStage();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        running.computeIfAbsent(end.taskInfo().executorId(), id -> new AtomicInteger()).decrementAndGet();
        if (end.taskInfo().successful()) {
            finished.incrementAndGet();
        }
        if (end.reason() instanceof ExecutorLostFailure) {
            lost.incrementAndGet();
        }
        killIfMidStage();
    }

    private synchronized void killIfMidStage() {
        AtomicInteger victimTasks = running.get(executorId);
        if (!killed && finished.get() >= 1 && victimTasks != null && victimTasks.get() > 0) {
            victims.forEach(ProcessHandle::destroyForcibly);
            killed = true;
        }
    }

    boolean killed() {
        return killed;
    }

    /** Tasks that failed because their executor was lost. */
    int lostTasks() {
        return lost.get();
    }
}
