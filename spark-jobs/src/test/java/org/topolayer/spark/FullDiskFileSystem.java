package org.topolayer.spark;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The local file system under the scheme {@code fullfs://} with a disk that fills up: once
 * {@link #allow} bytes have been written (in all files together), the write that overflows stores
 * what fits and fails the way Hadoop reports a full local disk, an FSError around "No space left on device". Tests run as
 * root, where permissions stop nothing, and cannot mount a small disk, so this is the full disk.
 */
public final class FullDiskFileSystem extends RawLocalFileSystem {
    private static final AtomicLong FREE = new AtomicLong(Long.MAX_VALUE);

    /** Makes {@code fullfs://} paths work in this configuration (local mode: the executors share it). */
    public static void register(Configuration hadoop) {
        hadoop.set("fs.fullfs.impl", FullDiskFileSystem.class.getName());
        hadoop.setBoolean("fs.fullfs.impl.disable.cache", true);
    }

    /** The bytes that may still be written; Long.MAX_VALUE for a disk that never fills. */
    public static void allow(long bytes) {
        FREE.set(bytes);
    }

    /** The fullfs URI of a local path. */
    public static String uri(java.nio.file.Path local) {
        return "fullfs://" + local.toAbsolutePath();
    }

    @Override
    public URI getUri() {
        return URI.create("fullfs:///");
    }

    @Override
    public String getScheme() {
        return "fullfs";
    }

    @Override
    protected OutputStream createOutputStream(Path f, boolean append) throws IOException {
        return filling(super.createOutputStream(f, append));
    }

    @Override
    protected OutputStream createOutputStreamWithMode(Path f, boolean append, FsPermission permission)
            throws IOException {
        return filling(super.createOutputStreamWithMode(f, append, permission));
    }

    /** Hadoop's FSError, whose constructor is package-private: what its local streams throw on a full disk. */
    private static FSError fsError(IOException cause) {
        try {
            Constructor<FSError> c = FSError.class.getDeclaredConstructor(Throwable.class);
            c.setAccessible(true);
            return c.newInstance(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Hadoop's FSError changed", e);
        }
    }

    private static OutputStream filling(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                long free = FREE.getAndUpdate(f -> Math.max(0, f - len));
                if (free < len) { // what fits is written, as on a real disk
                    out.write(b, off, (int) free);
                    throw fsError(new IOException("No space left on device"));
                }
                out.write(b, off, len);
            }
        };
    }
}
