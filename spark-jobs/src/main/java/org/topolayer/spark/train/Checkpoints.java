package org.topolayer.spark.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.topolayer.nn.AdamOptimizer;
import org.topolayer.spark.BadJobInputException;

/**
 * Training checkpoints in a directory (any Hadoop file system): {@code step-<N>.ckpt} holds the
 * workload's name, the step, and each trained network's parameters and Adam state. Each is written
 * to a temporary name and renamed, so a crash never leaves a half-written checkpoint;
 * {@link #restoreLatest} resumes from the highest step.
 */
public final class Checkpoints {
    private static final int FORMAT = 2;
    private final FileSystem fs;
    private final Path dir;

    public Checkpoints(Configuration hadoop, String dir) throws IOException {
        this.dir = new Path(dir);
        this.fs = this.dir.getFileSystem(hadoop);
    }

    void save(long step, String workload, List<TrainedNetwork> networks) throws IOException {
        fs.mkdirs(dir);
        Path tmp = new Path(dir, "_step-" + step + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(fs.create(tmp, true)))) {
            out.writeInt(FORMAT);
            out.writeUTF(workload);
            out.writeLong(step);
            out.writeInt(networks.size());
            for (TrainedNetwork n : networks) {
                AdamOptimizer adam = n.optimiser();
                write(out, n.parameters());
                out.writeLong(adam.steps());
                write(out, adam.steps() == 0 ? new double[0] : adam.firstMoment());
                write(out, adam.steps() == 0 ? new double[0] : adam.secondMoment());
            }
        }
        if (!fs.rename(tmp, new Path(dir, "step-" + step + ".ckpt"))) {
            throw new IOException("could not rename " + tmp + " into place");
        }
    }

    /**
     * Loads the checkpoint of the highest step into the networks and returns its step, or 0 when
     * there is none.
     *
     * @throws BadJobInputException when the checkpoint belongs to another workload or network size
     */
    long restoreLatest(String workload, List<TrainedNetwork> networks) throws IOException {
        FileStatus latest = latest();
        if (latest == null) {
            return 0;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(fs.open(latest.getPath())))) {
            if (in.readInt() != FORMAT) {
                throw new BadJobInputException("checkpoint " + latest.getPath() + " was written by another version of"
                        + " the train job; use another --checkpoint-dir");
            }
            String saved = in.readUTF();
            long step = in.readLong();
            if (!saved.equals(workload) || in.readInt() != networks.size()) {
                throw new BadJobInputException("checkpoint " + latest.getPath() + " is of the " + saved
                        + " workload, not " + workload + "; use another --checkpoint-dir");
            }
            for (TrainedNetwork n : networks) {
                double[] parameters = read(in);
                long adamSteps = in.readLong();
                double[] m = read(in), v = read(in);
                try {
                    n.restore(parameters, adamSteps, adamSteps == 0 ? null : m, adamSteps == 0 ? null : v);
                } catch (IllegalArgumentException e) {
                    throw new BadJobInputException(e.getMessage() + " (checkpoint " + latest.getPath()
                            + "): resume with its options or use another --checkpoint-dir");
                }
            }
            return step;
        }
    }

    private FileStatus latest() throws IOException {
        if (!fs.exists(dir)) {
            return null;
        }
        FileStatus best = null;
        for (FileStatus f : fs.listStatus(dir, p -> p.getName().matches("step-\\d+\\.ckpt"))) {
            if (best == null || step(f) > step(best)) {
                best = f;
            }
        }
        return best;
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
