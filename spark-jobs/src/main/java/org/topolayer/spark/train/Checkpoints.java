package org.topolayer.spark.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.topolayer.io.FileProblems;
import org.topolayer.nn.AdamOptimizer;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.spark.OptionFingerprint;
import org.topolayer.spark.io.DriverFiles;

/**
 * Training checkpoints in a directory (any Hadoop file system): {@code step-<N>.ckpt} holds the
 * workload's name, the options that shaped the training (an {@link OptionFingerprint}), the step,
 * and each trained network's parameters and Adam state, then a CRC-32 of those bytes. A checkpoint
 * is resumed only by a run with the same options: another value of any of them is refused in one
 * line naming the option. Each is written to a temporary name and renamed, so a driver killed mid-write
 * leaves no half-written checkpoint under a checkpoint's name; {@link #restoreLatest} resumes from
 * the highest step whose checksum holds (a damaged file, say from a file system without atomic
 * renames, is skipped with a warning).
 */
public final class Checkpoints {
    private static final int FORMAT = 4;
    private final FileSystem fs;
    private final Path dir;
    private final Map<String, String> options; // in the order of the job's options, so a message names the first

    /** Checkpoints of a run whose options need no check (tests of the file handling). */
    public Checkpoints(Configuration hadoop, String dir) throws IOException {
        this(hadoop, dir, Map.of());
    }

    /** @param options the run's options that shape the parameters, saved with each checkpoint and checked on resume */
    public Checkpoints(Configuration hadoop, String dir, Map<String, String> options) throws IOException {
        this.dir = new Path(dir);
        this.fs = this.dir.getFileSystem(hadoop);
        this.options = new LinkedHashMap<>(options);
    }

    /** @throws BadJobInputException naming the directory if the file system fails (full disk, no permission) */
    void save(long step, String workload, List<TrainedNetwork> networks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(workload);
            out.writeInt(options.size());
            for (Map.Entry<String, String> o : options.entrySet()) {
                out.writeUTF(o.getKey());
                out.writeUTF(o.getValue());
            }
            out.writeLong(step);
            out.writeInt(networks.size());
            for (TrainedNetwork n : networks) {
                AdamOptimizer adam = n.optimiser();
                write(out, n.parameters());
                out.writeLong(adam.steps());
                write(out, adam.steps() == 0 ? new double[0] : adam.firstMoment());
                write(out, adam.steps() == 0 ? new double[0] : adam.secondMoment());
            }
            out.writeLong(crc(bytes.toByteArray(), bytes.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise a checkpoint in memory", e);
        }
        try {
            DriverFiles.write(fs, new Path(dir, "step-" + step + ".ckpt"), new Path(dir, "_step-" + step + ".tmp"),
                    bytes.toByteArray());
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private BadJobInputException failed(IOException e) {
        return new BadJobInputException("cannot write a checkpoint to " + dir + ": " + FileProblems.describe(e)
                + "; free space or choose another --checkpoint-dir (earlier checkpoints are unchanged)");
    }

    /**
     * Loads the checkpoint of the highest step into the networks and returns its step, or 0 when
     * there is none.
     *
     * @throws BadJobInputException when the checkpoint belongs to another workload, was made with other
     *     options (naming the first that differs) or holds networks of another size
     */
    long restoreLatest(String workload, List<TrainedNetwork> networks) throws IOException {
        if (!fs.exists(dir)) {
            return 0;
        }
        FileStatus[] files = fs.listStatus(dir, p -> p.getName().matches("step-\\d+\\.ckpt"));
        Arrays.sort(files, Comparator.comparingLong(Checkpoints::step).reversed());
        for (FileStatus f : files) {
            byte[] body = intactBody(f.getPath());
            if (body != null) {
                return restore(f.getPath(), body, workload, options, networks);
            }
        }
        return 0;
    }

    /** The checkpoint's bytes without the checksum, or null (with a warning) if the checksum fails. */
    private byte[] intactBody(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = fs.open(file)) {
            bytes = in.readAllBytes();
        } catch (ChecksumException e) { // Hadoop's local file system checks its own .crc files too
            bytes = new byte[0];
        }
        int body = bytes.length - Long.BYTES;
        if (body < 0 || ByteBuffer.wrap(bytes, body, Long.BYTES).getLong() != crc(bytes, body)) {
            System.err.println("[train] skipping checkpoint " + file + ": its checksum fails (damaged, or written"
                    + " by an older version); trying an earlier one");
            return null;
        }
        return Arrays.copyOf(bytes, body);
    }

    private static long restore(Path file, byte[] body, String workload, Map<String, String> options,
                                List<TrainedNetwork> networks) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            if (in.readInt() != FORMAT) {
                throw new BadJobInputException("checkpoint " + file + " was written by another version of"
                        + " the train job; use another --checkpoint-dir");
            }
            String saved = in.readUTF();
            if (!saved.equals(workload)) {
                throw new BadJobInputException("checkpoint " + file + " is of the " + saved
                        + " workload, not " + workload + "; use another --checkpoint-dir");
            }
            Map<String, String> savedOptions = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                savedOptions.put(in.readUTF(), in.readUTF());
            }
            String difference = OptionFingerprint.firstDifference(savedOptions, options);
            if (difference != null) {
                throw new BadJobInputException("checkpoint " + file + " was made with other options (" + difference
                        + "): rerun with the checkpoint's options to resume it, or give a fresh --output or"
                        + " --checkpoint-dir to train from scratch");
            }
            long step = in.readLong();
            if (in.readInt() != networks.size()) {
                throw new BadJobInputException("checkpoint " + file + " holds another number of networks than the "
                        + workload + " workload; use another --checkpoint-dir");
            }
            for (TrainedNetwork n : networks) {
                double[] parameters = read(in);
                long adamSteps = in.readLong();
                double[] m = read(in), v = read(in);
                try {
                    n.restore(parameters, adamSteps, adamSteps == 0 ? null : m, adamSteps == 0 ? null : v);
                } catch (IllegalArgumentException e) {
                    throw new BadJobInputException(e.getMessage() + " (checkpoint " + file
                            + "): resume with its options or use another --checkpoint-dir");
                }
            }
            return step;
        }
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

    /** Writes an array as its length and its values (the format of the job's {@code *.bin} outputs). */
    public static void write(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    /** Reads an array written by {@link #write}. */
    public static double[] read(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
