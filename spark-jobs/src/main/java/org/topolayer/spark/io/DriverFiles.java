package org.topolayer.spark.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Whole files the driver reads or writes on any Hadoop file system (a local path, hdfs://,
 * s3a://…), such as classifier files and checkpoints, so that a job on a cluster can keep them
 * where its data is. A write goes to a temporary name beside the file and is renamed into place:
 * a reader never finds half a file under the file's name. Failures are IOExceptions (a full local
 * disk too, which Hadoop reports as an FSError) for the caller to name in its one-line message.
 */
public final class DriverFiles {
    /** Java arrays stop a little short of 2^31 bytes. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private DriverFiles() {}

    /** The file's bytes. */
    public static byte[] read(Configuration hadoop, String file) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(hadoop);
        FileStatus status = fs.getFileStatus(path);
        if (status.isDirectory()) {
            throw new IOException("it is a directory, not a file");
        }
        if (status.getLen() > MAX_BYTES) {
            throw new IOException("it holds " + status.getLen() + " bytes, more than one array can (2 GiB)");
        }
        try (InputStream in = fs.open(path)) {
            return in.readAllBytes();
        }
    }

    /** Writes the file through a temporary sibling, making its folder; replaces an existing file. */
    public static void write(Configuration hadoop, String file, byte[] bytes) throws IOException {
        Path path = new Path(file);
        write(path.getFileSystem(hadoop), path,
                new Path(path.getParent(), "." + path.getName() + ".tmp-" + UUID.randomUUID()), bytes);
    }

    /**
     * Writes bytes to tmp, then renames tmp to file; a write cut short leaves only tmp behind. An
     * existing file is deleted just before the rename (Hadoop's rename does not replace files).
     */
    public static void write(FileSystem fs, Path file, Path tmp, byte[] bytes) throws IOException {
        try {
            fs.mkdirs(file.getParent());
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(bytes);
            }
            if (fs.exists(file) && !fs.delete(file, false)) {
                throw new IOException("could not replace " + file);
            }
            if (!fs.rename(tmp, file)) {
                throw new IOException("could not rename " + tmp + " to " + file);
            }
        } catch (FSError e) { // how Hadoop's local file system reports a full disk
            throw e.getCause() instanceof IOException io ? io : new IOException(e);
        }
    }
}
