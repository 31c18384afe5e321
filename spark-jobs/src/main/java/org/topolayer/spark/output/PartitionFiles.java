package org.topolayer.spark.output;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.serializer.DeserializationStream;
import org.apache.spark.serializer.SerializationStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.topolayer.spark.OptionFingerprint;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The finished partitions of a resumable job, kept in {@code _partitions} inside its staging folder
 * ({@link AtomicOutput#resume}): each task writes its partition's records to {@code part-NNNNN}
 * (under a temporary name, then renamed, so a file that exists is whole), beside
 * {@code _fingerprint.properties}, what the records depend on (input files, options, code version,
 * number of partitions). A driver killed midway leaves the folder behind; the next run with the
 * same fingerprint adopts it and computes only the partitions without a file. The final table is
 * then read from all partition files, so a resumed run writes the same rows as an uninterrupted
 * one. The folder is deleted before the output is committed.
 *
 * <p>Limits: records are stored with Spark's serializer (Kryo, as the jobs configure it), so a
 * partition is written once more than the Parquet output; the partitioning must be a function
 * of the input and the number of partitions (true of the jobs' sources and of hash repartitioning).
 */
public final class PartitionFiles {
    static final String FOLDER = "_partitions";
    private static final String FINGERPRINT = "_fingerprint.properties";
    private static final String PREFIX = "part-";

    private final AtomicOutput output;
    private final FileSystem fs;
    private final Path folder;
    private final int partitions;
    private int reused = -1;
    private long computed = -1;

    PartitionFiles(AtomicOutput output, FileSystem fs, Path staging, int partitions) {
        this.output = output;
        this.fs = fs;
        this.folder = new Path(staging, FOLDER);
        this.partitions = partitions;
    }

    /** The partition count every fingerprint holds, under this name. */
    static final String PARTITIONS_KEY = "partitions";

    /** Writes the fingerprint of a fresh staging folder. */
    void start(Map<String, String> fingerprint) throws IOException {
        if (!fs.mkdirs(folder)) {
            throw new IOException("cannot make " + folder);
        }
        Properties saved = new Properties();
        saved.putAll(fingerprint);
        try (OutputStream out = fs.create(new Path(folder, FINGERPRINT), false)) {
            saved.store(out, "what the partitions beside depend on");
        }
    }

    /** In an adopted staging folder, deletes all but the finished partitions (what the dead driver's last steps wrote). */
    void clearAllButPartitions(Path staging) throws IOException {
        for (FileStatus entry : fs.listStatus(staging)) {
            if (!entry.getPath().getName().equals(FOLDER)) {
                fs.delete(entry.getPath(), true);
            }
        }
        for (FileStatus entry : fs.listStatus(folder)) {
            if (entry.getPath().getName().startsWith(".")) { // a partition being written when the driver died
                fs.delete(entry.getPath(), true);
            }
        }
    }

    /**
     * Why the staging folder of a dead driver cannot be resumed with {@code fingerprint}, in a few
     * words (its first difference), or null if it can.
     */
    static String whyNotResumable(FileSystem fs, Path staging, Map<String, String> fingerprint) {
        Path file = new Path(new Path(staging, FOLDER), FINGERPRINT);
        Properties saved = new Properties();
        try (InputStream in = fs.open(file)) {
            saved.load(in);
        } catch (IOException e) {
            return "it has no finished partitions";
        }
        Map<String, String> was = new LinkedHashMap<>();
        saved.stringPropertyNames().stream().sorted().forEach(k -> was.put(k, saved.getProperty(k)));
        return OptionFingerprint.firstDifference(was, fingerprint);
    }

    /** The partitions with a file, below the partition count. */
    Set<Integer> finished() throws IOException {
        Set<Integer> done = new TreeSet<>();
        for (FileStatus f : fs.listStatus(folder, p -> p.getName().matches(PREFIX + "\\d{5,}"))) {
            int index = Integer.parseInt(f.getPath().getName().substring(PREFIX.length()));
            if (index < partitions) {
                done.add(index);
            }
        }
        return done;
    }

    /**
     * Runs {@code work} on every partition of {@code input} that has no file yet, writing each to
     * its file, and returns the records of all partitions (read from the files, one Spark partition
     * each, in partition order).
     *
     * @throws IllegalStateException if input does not have the partition count of the fingerprint
     * @throws org.topolayer.spark.BadJobInputException naming the output if the file system fails
     */
    public <S, T> Dataset<T> complete(SparkSession spark, JavaRDD<S> input, MapPartitionsFunction<S, T> work,
                                      Class<T> type) throws Exception {
        if (input.getNumPartitions() != partitions) {
            throw new IllegalStateException("the input has " + input.getNumPartitions() + " partitions, the"
                    + " fingerprint " + partitions);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Store store = new Store(folder.toString(), jsc.broadcast(new SerializableConfiguration(
                spark.sparkContext().hadoopConfiguration())));
        try {
            Set<Integer> skip = finished();
            reused = skip.size();
            computed = input.mapPartitionsWithIndex((index, samples) -> {
                if (skip.contains(index)) {
                    return Collections.emptyIterator(); // its input is not even read
                }
                store.write(index, work.call(samples));
                return List.of(index).iterator();
            }, false).count();
        } catch (Exception e) {
            throw output.explained(e);
        }
        List<Integer> all = IntStream.range(0, partitions).boxed().toList();
        JavaRDD<T> records = jsc.parallelize(all, Math.max(1, partitions))
                .mapPartitions(indices -> {
                    List<Iterator<T>> parts = new ArrayList<>();
                    indices.forEachRemaining(i -> parts.add(store.read(i)));
                    return parts.stream().flatMap(it -> {
                        Iterable<T> once = () -> it;
                        return java.util.stream.StreamSupport.stream(once.spliterator(), false);
                    }).iterator();
                });
        return spark.createDataset(records.rdd(), Encoders.bean(type));
    }

    /** Partitions found finished at the start (0 for a fresh run); -1 before {@link #complete}. */
    public int reused() {
        return reused;
    }

    /** Partitions computed by this run; -1 before {@link #complete}. */
    public long computed() {
        return computed;
    }

    /** Deletes the folder: the output it served is complete. */
    void delete() throws IOException {
        fs.delete(folder, true);
    }

    /** The tasks' side: one file per partition. */
    private record Store(String folder, Broadcast<SerializableConfiguration> hadoop) implements Serializable {
        private static final ClassTag<Object> ANY = ClassTag$.MODULE$.AnyRef();

        Path file(int index) {
            return new Path(folder, String.format("%s%05d", PREFIX, index));
        }

        FileSystem fs() throws IOException {
            Configuration conf = hadoop.value().value();
            FileSystem fs = new Path(folder).getFileSystem(conf);
            // no .crc side files: Hadoop creates a checksum file together with its parent folders, which
            // could bring back a staging folder that the failed job's driver had just deleted
            return fs instanceof org.apache.hadoop.fs.ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
        }

        <T> void write(int index, Iterator<T> records) throws IOException {
            FileSystem fs = fs();
            Path file = file(index);
            TaskContext task = TaskContext.get();
            Path temporary = new Path(folder, "." + file.getName() + "-" + (task == null ? 0 : task.taskAttemptId()));
            // not recursive: once a failed job's driver has deleted the staging folder, a task still
            // running must not make it again
            OutputStream raw = fs.createNonRecursive(temporary, true, 1 << 16, fs.getDefaultReplication(temporary),
                    fs.getDefaultBlockSize(temporary), null);
            // Spark's serializer (Kryo with the jobs' registrator): Java serialization of the records,
            // which needs a reset per record to stay bounded, cost as much as writing the Parquet output
            SerializationStream out = SparkEnv.get().serializer().newInstance()
                    .serializeStream(new BufferedOutputStream(raw, 1 << 16));
            try {
                while (records.hasNext()) {
                    out.writeObject(records.next(), ANY);
                }
                out.close();
            } catch (Exception | org.apache.hadoop.fs.FSError e) { // FSError: a full local disk; Scala may throw IOException
                try {
                    raw.close();
                } catch (IOException | org.apache.hadoop.fs.FSError alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                fs.delete(temporary, false);
                throw e;
            }
            // a speculative or retried attempt may have renamed an identical file first
            if (!fs.rename(temporary, file)) {
                fs.delete(temporary, false);
                if (!fs.exists(file)) {
                    throw new IOException("could not rename " + temporary + " to " + file);
                }
            }
        }

        @SuppressWarnings("unchecked")
        <T> Iterator<T> read(int index) {
            try {
                DeserializationStream in = SparkEnv.get().serializer().newInstance()
                        .deserializeStream(new BufferedInputStream(fs().open(file(index)), 1 << 16));
                return (Iterator<T>) CollectionConverters.asJava(in.asIterator()); // closes the file at its end
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file(index), e);
            }
        }
    }
}
