package org.topolayer.spark.output;

import java.io.IOException;
import java.net.InetAddress;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The folders {@link AtomicOutput} keeps beside an output while a job runs, named after the driver
 * that made them: {@code OUT.staging-PID@HOST-UUID} (the output being written) and
 * {@code OUT.replaced-PID@HOST-UUID} (the previous output, moved aside during the commit). A driver
 * killed in between leaves them behind; the next job on the same output cleans up what a driver
 * of this host left and is gone: a staging folder is deleted, a replaced folder is moved back when
 * OUT is missing (the kill fell between the commit's two renames) and deleted otherwise. Folders of
 * a live driver, of another host or of an older version (no owner in the name) are only reported:
 * their job may still be running.
 */
final class LeftoverFolders {
    private static final Pattern OWNED = Pattern.compile(
            "\\.(staging|replaced)-(\\d+)@(.+)-(\\p{XDigit}{8}(?:-\\p{XDigit}{4}){3}-\\p{XDigit}{12})");
    private static final String HOST = localHost();

    private LeftoverFolders() {}

    /** A new folder name for {@code target}: kind is "staging" or "replaced". */
    static Path named(Path target, String kind) {
        return new Path(target.getParent(), target.getName() + "." + kind + "-" + ProcessHandle.current().pid() + "@"
                + HOST + "-" + UUID.randomUUID());
    }

    /** Cleans up the leftovers beside target as the class comment says, telling {@code report} each step. */
    static void cleanUp(FileSystem fs, Path target, Consumer<String> report) throws IOException {
        FileStatus[] siblings = fs.listStatus(target.getParent(),
                p -> p.getName().startsWith(target.getName() + ".staging-")
                        || p.getName().startsWith(target.getName() + ".replaced-"));
        for (FileStatus sibling : siblings) {
            Path folder = sibling.getPath();
            Matcher m = OWNED.matcher(folder.getName().substring(target.getName().length()));
            boolean ownerGone = m.matches() && m.group(3).equals(HOST)
                    && ProcessHandle.of(Long.parseLong(m.group(2))).map(p -> !p.isAlive()).orElse(true);
            if (!ownerGone) {
                report.accept(folder + " is left from another job, which may still be running"
                        + (m.matches() ? " (pid " + m.group(2) + " on " + m.group(3) + ")" : "")
                        + "; delete it once that job has ended");
            } else if (m.group(1).equals("replaced") && !fs.exists(target)) {
                if (!fs.rename(folder, target)) {
                    throw new IOException("could not move " + folder + " back to " + target);
                }
                report.accept("restored " + target + " from " + folder.getName()
                        + ": the driver that was replacing it (pid " + m.group(2) + ") died");
            } else {
                fs.delete(folder, true);
                report.accept("removed " + folder.getName() + ", left by a driver that died (pid " + m.group(2) + ")");
            }
        }
    }

    /** This machine's name, or "" when it has none: then no folder counts as this host's. */
    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException unknown) {
            return "";
        }
    }
}
