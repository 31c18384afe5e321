package org.topolayer.spark.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Training checkpoints in a directory (any Hadoop file system): {@code step-<N>.ckpt} holds the
 * step, the parameters and Adam's state. Each is written to a temporary name and renamed, so a
 * crash never leaves a half-written checkpoint; {@link #latest} resumes from the highest step.
 */
public final class Checkpoints {
    private final FileSystem fs;
    private final Path dir;

    public Checkpoints(Configuration hadoop, String dir) throws IOException {
        this.dir = new Path(dir);
        this.fs = this.dir.getFileSystem(hadoop);
    }

    /** What a checkpoint holds. */
    public record State(long step, double[] parameters, Adam optimiser) {}

    public void save(State state) throws IOException {
        fs.mkdirs(dir);
        Path tmp = new Path(dir, "_step-" + state.step() + ".tmp");
        try (DataOutputStream out = fs.create(tmp, true)) {
            out.writeLong(state.step());
            write(out, state.parameters());
            state.optimiser().writeTo(out);
        }
        if (!fs.rename(tmp, new Path(dir, "step-" + state.step() + ".ckpt"))) {
            throw new IOException("could not rename " + tmp + " into place");
        }
    }

    /** The checkpoint of the highest step, or null when there is none. */
    public State latest() throws IOException {
        if (!fs.exists(dir)) {
            return null;
        }
        FileStatus best = null;
        for (FileStatus f : fs.listStatus(dir, p -> p.getName().matches("step-\\d+\\.ckpt"))) {
            if (best == null || step(f) > step(best)) {
                best = f;
            }
        }
        if (best == null) {
            return null;
        }
        try (DataInputStream in = fs.open(best.getPath())) {
            long step = in.readLong();
            double[] parameters = read(in);
            return new State(step, parameters, Adam.readFrom(in));
        }
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
