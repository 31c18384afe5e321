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
        write(path.getFileSystem(hadoop), path, sibling(path, "tmp"), bytes);
    }

    /**
     * Writes bytes to tmp, then renames tmp to file. A failed write removes tmp; a driver killed
     * during the write leaves only tmp. An existing file is first renamed aside and deleted once the
     * new one is in place (Hadoop's rename does not replace files), so it is never lost: a kill
     * between the two renames leaves it as {@code .NAME.old-UUID}.
     */
    public static void write(FileSystem fs, Path file, Path tmp, byte[] bytes) throws IOException {
        try {
            fs.mkdirs(file.getParent());
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(bytes);
            }
            Path old = null;
            if (fs.exists(file)) {
                old = sibling(file, "old");
                rename(fs, file, old);
            }
            try {
                rename(fs, tmp, file);
            } catch (IOException e) {
                if (old != null) {
                    rename(fs, old, file);
                }
                throw e;
            }
            if (old != null) {
                fs.delete(old, false);
            }
        } catch (IOException e) {
            fs.delete(tmp, false);
            throw e;
        } catch (FSError e) { // how Hadoop's local file system reports a full disk
            fs.delete(tmp, false);
            throw e.getCause() instanceof IOException io ? io : new IOException(e);
        }
    }

    private static Path sibling(Path file, String kind) {
        return new Path(file.getParent(), "." + file.getName() + "." + kind + "-" + UUID.randomUUID());
    }

    private static void rename(FileSystem fs, Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("could not rename " + from + " to " + to);
        }
    }
}
