package org.topolayer.spark;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.util.LongAccumulator;

/**
 * A console progress line for the jobs of one job group: samples done (as counted by finished
 * tasks), samples/s and tasks done. Redrawn every second on a terminal, a plain line every ten
 * seconds otherwise (logs). Stopped by {@link #close}.
 */
public final class ProgressLine implements AutoCloseable {
    private final SparkContext sc;
    private final String group;
    private final String label;
    private final LongAccumulator samples;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final Thread thread;
    private final boolean terminal = System.console() != null;

    private ProgressLine(SparkContext sc, String group, String label, LongAccumulator samples, PrintStream out) {
        this.sc = sc;
        this.group = group;
        this.label = label;
        this.samples = samples;
        this.out = out;
        this.thread = new Thread(this::loop, "topolayer-progress");
        thread.setDaemon(true);
    }

    /** Starts drawing on stderr. */
    public static ProgressLine start(SparkContext sc, String group, String label, LongAccumulator samples) {
        ProgressLine line = new ProgressLine(sc, group, label, samples, System.err);
        line.thread.start();
        return line;
    }

    private void loop() {
        long period = terminal ? 1000 : 10_000;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(period);
                out.print((terminal ? "\r" : "") + text() + (terminal ? "" : "\n"));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** e.g. "[persistence] 35000 samples, 4120 samples/s, tasks 7/14". */
    String text() {
        SparkStatusTracker tracker = sc.statusTracker();
        int done = 0, total = 0;
        for (int jobId : tracker.getJobIdsForGroup(group)) {
            SparkJobInfo job = tracker.getJobInfo(jobId).getOrElse(() -> null);
            if (job == null) {
                continue;
            }
            for (int stageId : job.stageIds()) {
                SparkStageInfo stage = tracker.getStageInfo(stageId).getOrElse(() -> null);
                if (stage != null) {
                    done += stage.numCompletedTasks();
                    total += stage.numTasks();
                }
            }
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long n = samples.value();
        return String.format(Locale.ROOT, "[%s] %d samples, %.0f samples/s, tasks %d/%d", label, n, n / seconds,
                done, total);
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (terminal) {
            out.println();
        }
    }
}
