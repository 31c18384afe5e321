/**
 * Where the jobs' samples come from, and what makes a sample bad. Module topolayer-spark-jobs:
 * depends on Spark, Hadoop's file systems and topolayer-core's readers.
 *
 * <p>Entry points: {@link InputOptions} (the shared {@code --input}/{@code --format} options and the
 * {@link SampleSource} they select: {@link FashionMnistSource} (IDX), {@link SyntheticSource},
 * {@link TableSource} (Parquet or CSV), {@link ArrayFileSource} (a directory of .npy or .csv
 * arrays) and {@link ImageFolderSource}). Every source yields {@link Sample}s (id, optional label,
 * row-major values, shape) read on the executors (IDX and synthetic images chunk by chunk), so no
 * data passes through the driver. {@link SampleCheck} and {@link SampleLimits}
 * ({@code --on-bad-sample fail|reject}, {@code --memory-budget}) decide what a bad sample does;
 * {@link DriverFiles} reads and writes whole files (classifiers, checkpoints) on any Hadoop file
 * system, atomically by rename.
 *
 * <p>Limits: file directories must be visible to every executor (local disk of one machine, NFS);
 * a bad sample (unreadable, no values, wrong shape, NaN or ±∞, over the memory budget) is recorded
 * with its reason instead of failing the task, and the job then fails or rejects it; ids follow
 * sorted file names, or Spark's row id for tables without an id column. Image folders are decoded
 * by Spark and averaged to grey levels in [0, 1]; undecodable images are dropped silently.
 *
 * <p>Thread safety: sources, samples and limits are serializable values shipped to the executors;
 * {@code SampleLimits} resolves its budget on each executor, from that executor's heap.
 */
package org.topolayer.spark.io;
