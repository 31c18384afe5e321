/**
 * The Spark applications of topolayer and what every job shares: the launcher, Spark sessions,
 * Kryo registration, config-file defaults, the progress line and one-line errors. Module
 * topolayer-spark-jobs: depends on Spark (provided by {@code spark-submit}), topolayer-core,
 * topolayer-nd4j, topolayer-apps, picocli and the ND4J CPU backend; never on topolayer-cli
 * ({@code ModuleBoundariesTest}), and the {@code persistence} and {@code ml} subpackages stay off
 * ND4J, DL4J and the applications.
 *
 * <p>Entry point: {@link SparkJobs#main}, as {@code spark-submit --class org.topolayer.spark.SparkJobs
 * topolayer-spark-jobs.jar JOB [options]} ({@code bin/topo-submit JOB} does this and passes
 * {@code --config conf/JOB.properties}). Jobs: {@code persistence}, {@code train}, {@code attack} and
 * {@link PipelineJob} ({@code pipeline}), each a {@link SparkJob}; {@link TopoSpark#session} opens
 * the session ({@code local[*]} unless a master is set; Kryo with registration required).
 *
 * <p>Limits and errors: exit status 0 on success, 1 on bad input ({@link BadJobInputException}: one
 * line naming the problem and the fix, also when Spark wraps it in a task failure), 2 on bad
 * options or config keys (a key that is not an option is refused with the closest one); messages
 * pass through {@code org.topolayer.util.Redaction}. Every type a job ships must be registered in
 * {@link TopoKryoRegistrator}, or Spark refuses to serialise it.
 *
 * <p>Thread safety: one job per launcher call; on the executors, {@link Nd4jInTasks#limitThreads}
 * caps ND4J's process-wide native threads at the task's CPUs, since Spark already runs a task
 * per core.
 */
package org.topolayer.spark;
