package org.topolayer.spark.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SaveMode;
import org.topolayer.io.FileProblems;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.spark.io.ReadFailures;

/**
 * A job's output directory written atomically: everything goes to a hidden staging directory
 * beside the final path, which {@link #commit} renames into place; {@link #close} without a commit
 * deletes the staging directory, so a failed job leaves nothing under the final path. With
 * overwrite, an existing output is moved aside at commit and deleted only after the rename. A
 * failing file system (full disk, unwritable path) is reported in one line naming the output.
 * What a killed driver left beside the output is cleaned up by the next job on it
 * ({@link LeftoverFolders}), unless the job is resumable ({@link #resume}) and can reuse the
 * partitions it finished.
 */
public final class AtomicOutput implements AutoCloseable {
    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    /** The output as the user gave it, for messages. */
    private final String given;
    private boolean committed;
    /** The finished partitions of a resumable job, else null. */
    private PartitionFiles partitions;

    private AtomicOutput(FileSystem fs, Path target, String given) {
        this.fs = fs;
        this.target = target;
        this.given = given;
        this.staging = LeftoverFolders.named(target, "staging");
    }

    /**
     * @throws BadJobInputException if the output exists and overwrite is off, or its folder cannot
     *     be made (e.g. a file is in the way)
     */
    public static AtomicOutput begin(Configuration hadoop, String path, boolean overwrite) {
        return open(hadoop, path, overwrite, null);
    }

    /**
     * As {@link #begin}, for a job that computes its records with {@link #partitions()}: the staging
     * folder of a driver that died on this output with the same fingerprint is adopted, with the
     * partitions it finished; one with another fingerprint is deleted, with its first difference on
     * stderr in one line. The fingerprint holds what the records depend on (input files, options,
     * code version) and must hold the number of partitions under the key "partitions".
     */
    public static AtomicOutput resume(Configuration hadoop, String path, boolean overwrite,
                                      Map<String, String> fingerprint) {
        if (!fingerprint.containsKey(PartitionFiles.PARTITIONS_KEY)) {
            throw new IllegalArgumentException("a fingerprint without the partition count");
        }
        return open(hadoop, path, overwrite, fingerprint);
    }

    private static AtomicOutput open(Configuration hadoop, String path, boolean overwrite,
                                     Map<String, String> fingerprint) {
        try {
            Path target = new Path(path);
            FileSystem fs = target.getFileSystem(hadoop);
            target = fs.makeQualified(target);
            List<Path> resumable = List.of();
            if (fs.exists(target.getParent())) { // what a killed driver left here
                resumable = LeftoverFolders.cleanUp(fs, target, message -> System.err.println("[output] " + message),
                        folder -> fingerprint == null ? "" : PartitionFiles.whyNotResumable(fs, folder, fingerprint));
            }
            if (fs.exists(target) && !overwrite) {
                throw new BadJobInputException("output " + path + " exists; remove it, choose another --output"
                        + " or add --overwrite");
            }
            if (!fs.mkdirs(target.getParent())) {
                throw new IOException("cannot make the folder " + target.getParent());
            }
            AtomicOutput out = new AtomicOutput(fs, target, path);
            if (fingerprint != null) {
                out.partitions = new PartitionFiles(out, fs, out.staging,
                        Integer.parseInt(fingerprint.get(PartitionFiles.PARTITIONS_KEY)));
                if (resumable.isEmpty()) {
                    out.partitions.start(fingerprint);
                } else { // the dead driver's folder becomes ours: a rename, so one job at most adopts it
                    out.rename(resumable.get(0), out.staging);
                    for (Path other : resumable.subList(1, resumable.size())) {
                        fs.delete(other, true);
                    }
                    out.partitions.clearAllButPartitions(out.staging);
                    System.err.println("[output] resuming from " + resumable.get(0).getName() + ", left by a driver"
                            + " that died: " + out.partitions.finished().size() + " of "
                            + fingerprint.get(PartitionFiles.PARTITIONS_KEY) + " partitions are finished");
                }
            }
            return out;
        } catch (IOException e) {
            throw new BadJobInputException("cannot prepare output " + path + " (" + FileProblems.describe(e)
                    + "); check --output");
        }
    }

    /**
     * Writes a Spark table as Parquet into the staging directory.
     *
     * @throws BadJobInputException naming the output if the file system fails (full disk, no
     *     permission, quota); other failures of the Spark job as they are
     */
    public void writeParquet(Dataset<?> table) throws Exception {
        try {
            // appends: a resumable job's staging folder already holds its partitions
            table.write().mode(SaveMode.Append).parquet(stagingPath());
        } catch (Exception e) {
            throw explained(e);
        }
    }

    /** The finished partitions of a job opened with {@link #resume}. */
    public PartitionFiles partitions() {
        if (partitions == null) {
            throw new IllegalStateException("the output was not opened with resume");
        }
        return partitions;
    }

    /** Where the job writes (a Spark writer's path). */
    public String stagingPath() {
        return staging.toString();
    }

    public String finalPath() {
        return target.toString();
    }

    /** Writes a small text file into the staging directory (failures as for {@link #writeBytes}). */
    public void writeText(String name, String text) {
        writeBytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a small file into the staging directory.
     *
     * @throws BadJobInputException naming the output if the file system fails
     */
    public void writeBytes(String name, byte[] bytes) {
        try (OutputStream out = fs.create(new Path(staging, name), true)) {
            out.write(bytes);
        } catch (IOException | FSError e) {
            throw failed(e);
        }
    }

    /**
     * Moves the staging directory to the final path. An existing output is moved aside first and
     * moved back if the staging directory cannot take its place, so it is never lost.
     *
     * @throws BadJobInputException naming the output if the file system fails
     */
    public void commit() {
        try {
            if (partitions != null) { // served their purpose: not part of the output
                partitions.delete();
            }
            Path old = null;
            if (fs.exists(target)) {
                old = LeftoverFolders.named(target, "replaced");
                rename(target, old);
            }
            try {
                rename(staging, target);
            } catch (IOException e) {
                if (old != null) {
                    rename(old, target);
                }
                throw e;
            }
            committed = true;
            if (old != null) {
                fs.delete(old, true);
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * e as one line naming the output when the file system failed (an IOException among its causes;
     * Hadoop reports a full local disk as an FSError around one), else e itself. Spark reads the
     * input in the same tasks that write, so an unreadable input file also lands here; the reason
     * in the message tells which.
     */
    Exception explained(Exception e) {
        BadJobInputException unreadableInput = ReadFailures.asBadInput(e); // the job reads while it writes
        if (unreadableInput != null) {
            return unreadableInput;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadJobInputException) {
                return e;
            }
        }
        return deepestIoCause(e) == null ? e : failed(e);
    }

    private BadJobInputException failed(Throwable e) {
        return new BadJobInputException("cannot write output " + given + ": " + FileProblems.describe(
                deepestIoCause(e)) + "; free space or choose another --output (nothing at " + given
                + " was changed)");
    }

    private static IOException deepestIoCause(Throwable e) {
        IOException deepest = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                deepest = io;
            }
        }
        return deepest;
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("could not rename " + from + " to " + to);
        }
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            // a task of the failed job may still be writing: a file it creates while the recursive delete
            // runs keeps the folder alive, so delete again until it is gone (once it is, the tasks' non-recursive
            // creates fail instead of making it again)
            for (int attempt = 0; attempt < 50 && fs.exists(staging); attempt++) {
                fs.delete(staging, true);
                if (fs.exists(staging)) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
    }
}
