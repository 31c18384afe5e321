package org.topolayer.spark.io;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.topolayer.limits.MemoryBudget;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.util.ClosestName;
import picocli.CommandLine.Option;

/**
 * The options of the jobs that work sample by sample (persistence, attack): what a bad sample does
 * to the job, and how much memory one sample's computation may take in a task. A bad sample is one
 * {@link SampleCheck} refuses, one a filtration refuses (wrong shape for it), or one whose
 * estimated memory exceeds the budget. Shipped to the executors, which resolve the budget there.
 */
public final class SampleLimits implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final List<String> POLICIES = List.of("fail", "reject");

    @Option(names = "--on-bad-sample", defaultValue = "fail",
            description = "fail: stop at the first bad sample (NaN or infinite values, no values, wrong shape, unreadable"
                    + " file, over --memory-budget), naming its id, and write nothing; reject: write bad samples to"
                    + " OUTPUT/_rejected (Parquet: id, reason), count them in _summary.json and process the others"
                    + " (default: ${DEFAULT-VALUE})")
    String onBadSample;

    @Option(names = "--memory-budget", defaultValue = "auto",
            description = "heap one sample's computation may take, e.g. 512m or 2g; a sample estimated to need more is"
                    + " a bad sample (default: auto, 80%% of the executor heap divided by its task slots)")
    String memoryBudget;

    private transient MemoryBudget resolved;

    /** @throws IllegalArgumentException naming the option whose value is not valid */
    public void check() {
        if (!POLICIES.contains(onBadSample)) {
            String closest = ClosestName.among(onBadSample, POLICIES);
            throw new IllegalArgumentException("--on-bad-sample must be fail or reject, got '" + onBadSample + "'"
                    + (closest != null ? "; did you mean '" + closest + "'?" : ""));
        }
        if (!memoryBudget.strip().equalsIgnoreCase("auto")) {
            MemoryBudget.parse(memoryBudget, "--memory-budget");
        }
    }

    public boolean rejects() {
        return onBadSample.equals("reject");
    }

    /** The option's value, for summaries. */
    public String policy() {
        return onBadSample;
    }

    /** The job failure for a bad sample under --on-bad-sample fail: one line with the id, the problem and the fix. */
    public static BadJobInputException failure(long id, String problem) {
        return failure("sample " + id + ": " + problem);
    }

    /** As {@link #failure(long, String)}, from "sample ID: problem". */
    public static BadJobInputException failure(String sampleAndProblem) {
        return new BadJobInputException(sampleAndProblem + "; fix that sample, or run with --on-bad-sample reject to set"
                + " bad samples aside in OUTPUT/_rejected");
    }

    /** The budget of one sample in this JVM (on an executor: its heap shared by its task slots). */
    public MemoryBudget budget() {
        if (resolved == null) {
            resolved = memoryBudget.strip().equalsIgnoreCase("auto")
                    ? MemoryBudget.ofHeap(Runtime.getRuntime().maxMemory(), taskSlots())
                    : MemoryBudget.parse(memoryBudget, "--memory-budget");
        }
        return resolved;
    }

    /** Tasks that run at once in this executor: spark.executor.cores / spark.task.cpus, or local[N]'s N. */
    static int taskSlots() {
        SparkEnv env = SparkEnv.get();
        SparkConf conf = env == null ? new SparkConf() : env.conf();
        int cpusPerTask = Math.max(1, conf.getInt("spark.task.cpus", 1));
        if (conf.contains("spark.executor.cores")) {
            return Math.max(1, conf.getInt("spark.executor.cores", 1) / cpusPerTask);
        }
        String master = conf.get("spark.master", "local[*]").toLowerCase(Locale.ROOT);
        java.util.regex.Matcher local = java.util.regex.Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]").matcher(master);
        if (master.equals("local")) {
            return 1;
        }
        if (local.matches() && !local.group(1).equals("*")) {
            return Math.max(1, Integer.parseInt(local.group(1)) / cpusPerTask);
        }
        // local[*], or a standalone executor without spark.executor.cores: it takes every core of its machine
        return Math.max(1, Runtime.getRuntime().availableProcessors() / cpusPerTask);
    }
}
