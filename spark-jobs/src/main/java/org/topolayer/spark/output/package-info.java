/**
 * How a job's output appears: all at once or not at all, with its summary and its rejected
 * samples. Module topolayer-spark-jobs: depends on Spark, Hadoop's file systems and
 * topolayer-core ({@code Redaction}).
 *
 * <p>Entry points: {@link OutputOptions} ({@code --output}, {@code --overwrite}) opens an
 * {@link AtomicOutput}: everything is written to a hidden staging directory beside the final path
 * and {@link AtomicOutput#commit} renames it into place; closing without a commit deletes it, so
 * a failed job leaves nothing under the final path, and with {@code --overwrite} the previous
 * output is replaced only at the commit. {@link JobSummary} collects the figures written as
 * {@code _summary.json} and printed at the end (secrets masked); {@link Rejections} turns bad
 * samples into the {@code _rejected} Parquet output, or into a one-line failure naming the lowest
 * bad id before anything is committed.
 *
 * <p>Limits: an existing output is refused without {@code --overwrite}. The guarantee rests on the
 * file system's rename: atomic on local disks and HDFS, not on object stores whose rename is a
 * copy. Folders a killed driver left beside the output are cleaned up by the next job on it only
 * when they came from a dead driver on the same host and pid namespace; others are reported.
 *
 * <p>Thread safety: used on the driver only, one output per job; {@code JobSummary} is not
 * synchronised.
 */
package org.topolayer.spark.output;
