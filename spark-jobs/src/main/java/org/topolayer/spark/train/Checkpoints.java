package org.topolayer.spark.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.zip.CRC32;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.topolayer.io.FileProblems;
import org.topolayer.spark.BadJobInputException;

/**
 * Training checkpoints in a directory (any Hadoop file system): {@code step-<N>.ckpt} holds the
 * step, the parameters and Adam's state, then a CRC-32 of those bytes. Each is written to a
 * temporary name and renamed, so a driver killed mid-write leaves no half-written checkpoint
 * under a checkpoint's name; {@link #latest} resumes from the highest step whose checksum holds
 * (a damaged file, say from a file system without atomic renames, is skipped with a warning).
 */
public final class Checkpoints {
    private final FileSystem fs;
    private final Path dir;

    public Checkpoints(Configuration hadoop, String dir) throws IOException {
        this.dir = new Path(dir);
        this.fs = this.dir.getFileSystem(hadoop);
    }

    public Path dir() {
        return dir;
    }

    /** What a checkpoint holds. */
    public record State(long step, double[] parameters, Adam optimiser) {}

    /** @throws BadJobInputException naming the directory if the file system fails (full disk, no permission) */
    public void save(State state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(state.step());
            write(out, state.parameters());
            state.optimiser().writeTo(out);
            out.writeLong(crc(bytes.toByteArray(), bytes.size()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a checkpoint in memory", e);
        }
        Path tmp = new Path(dir, "_step-" + state.step() + ".tmp");
        try {
            fs.mkdirs(dir);
            try (DataOutputStream out = fs.create(tmp, true)) {
                bytes.writeTo(out);
            }
            if (!fs.rename(tmp, new Path(dir, "step-" + state.step() + ".ckpt"))) {
                throw new IOException("could not rename " + tmp + " into place");
            }
        } catch (IOException e) {
            throw failed(e);
        } catch (FSError e) { // how Hadoop's local file system reports a full disk
            throw failed(e.getCause() instanceof IOException io ? io : new IOException(e));
        }
    }

    private BadJobInputException failed(IOException e) {
        return new BadJobInputException("cannot write a checkpoint to " + dir + ": " + FileProblems.describe(e)
                + "; free space or choose another --checkpoint-dir (earlier checkpoints are unchanged)");
    }

    /** The intact checkpoint of the highest step, or null when there is none. */
    public State latest() throws IOException {
        if (!fs.exists(dir)) {
            return null;
        }
        FileStatus[] files = fs.listStatus(dir, p -> p.getName().matches("step-\\d+\\.ckpt"));
        Arrays.sort(files, Comparator.comparingLong(Checkpoints::step).reversed());
        for (FileStatus f : files) {
            try {
                return read(f.getPath());
            } catch (IOException e) {
                System.err.println("[train] skipping damaged checkpoint " + f.getPath() + " (" + e.getMessage()
                        + "); trying an earlier one");
            }
        }
        return null;
    }

    private State read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = fs.open(file)) {
            bytes = in.readAllBytes();
        }
        if (bytes.length < Long.BYTES) {
            throw new IOException("only " + bytes.length + " bytes");
        }
        int body = bytes.length - Long.BYTES;
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        in.skipNBytes(body);
        if (in.readLong() != crc(bytes, body)) {
            throw new IOException("checksum mismatch");
        }
        in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
        long step = in.readLong();
        double[] parameters = read(in);
        return new State(step, parameters, Adam.readFrom(in));
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    private static long step(FileStatus f) {
        String name = f.getPath().getName();
        return Long.parseLong(name.substring("step-".length(), name.length() - ".ckpt".length()));
    }

    public static void write(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    public static double[] read(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
