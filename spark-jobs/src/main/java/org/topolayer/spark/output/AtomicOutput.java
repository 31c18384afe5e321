package org.topolayer.spark.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.topolayer.spark.BadJobInputException;

/**
 * A job's output directory written atomically: everything goes to a hidden staging directory
 * beside the final path, which {@link #commit} renames into place; {@link #close} without a commit
 * deletes the staging directory, so a failed job leaves nothing under the final path. With
 * overwrite, an existing output is moved aside at commit and deleted only after the rename.
 */
public final class AtomicOutput implements AutoCloseable {
    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private boolean committed;

    private AtomicOutput(FileSystem fs, Path target) {
        this.fs = fs;
        this.target = target;
        this.staging = new Path(target.getParent(), target.getName() + ".staging-" + UUID.randomUUID());
    }

    /** @throws BadJobInputException if the output exists and overwrite is off, or the file system fails */
    public static AtomicOutput begin(Configuration hadoop, String path, boolean overwrite) {
        try {
            Path target = new Path(path);
            FileSystem fs = target.getFileSystem(hadoop);
            target = fs.makeQualified(target);
            if (fs.exists(target) && !overwrite) {
                throw new BadJobInputException("output " + path + " exists; remove it, choose another --output"
                        + " or add --overwrite");
            }
            fs.mkdirs(target.getParent());
            return new AtomicOutput(fs, target);
        } catch (IOException e) {
            throw new BadJobInputException("cannot prepare output " + path + " (" + e.getMessage()
                    + "); check --output");
        }
    }

    /** Where the job writes (a Spark writer's path). */
    public String stagingPath() {
        return staging.toString();
    }

    public String finalPath() {
        return target.toString();
    }

    /** Writes a small text file into the staging directory. */
    public void writeText(String name, String text) throws IOException {
        try (OutputStream out = create(name)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A new file in the staging directory. */
    public OutputStream create(String name) throws IOException {
        return fs.create(new Path(staging, name), true);
    }

    /** Moves the staging directory to the final path. */
    public void commit() throws IOException {
        Path old = null;
        if (fs.exists(target)) {
            old = new Path(target.getParent(), target.getName() + ".replaced-" + UUID.randomUUID());
            rename(target, old);
        }
        rename(staging, target);
        committed = true;
        if (old != null) {
            fs.delete(old, true);
        }
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("could not rename " + from + " to " + to);
        }
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            fs.delete(staging, true);
        }
    }
}
