package org.topolayer.spark.output;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The folders {@link AtomicOutput} keeps beside an output while a job runs, named after the driver
 * that made them: {@code OUT.staging-OWNER-UUID} (the output being written) and
 * {@code OUT.replaced-OWNER-UUID} (the previous output, moved aside during the commit), where OWNER
 * is {@code PID-START@HOST~NS}: the driver's pid and start time (a reused pid is another process),
 * host name and pid namespace (containers on one host have pid spaces of their own). A driver
 * killed in between leaves them behind; the next job on the same output cleans up what a driver of
 * the same host and namespace left and is gone: a staging folder is deleted, a replaced folder is
 * moved back when OUT is missing (the kill fell between the commit's two renames) and deleted
 * otherwise. Folders of a live driver, of another host or namespace, or of an older version (no
 * owner in the name) are only reported: their job may still be running. A resumable job keeps the
 * staging folder of a dead driver whose finished partitions it can reuse ({@link PartitionFiles}).
 */
final class LeftoverFolders {
    private static final Pattern OWNED = Pattern.compile("\\.(staging|replaced)-(\\d+)-(\\d+)@(.+~\\d+)"
            + "-(\\p{XDigit}{8}(?:-\\p{XDigit}{4}){3}-\\p{XDigit}{12})");
    private static final String HOST = localHost() + "~" + pidNamespace();

    private LeftoverFolders() {}

    /** A new folder name for {@code target}: kind is "staging" or "replaced". */
    static Path named(Path target, String kind) {
        ProcessHandle self = ProcessHandle.current();
        return new Path(target.getParent(), target.getName() + "." + kind + "-" + self.pid() + "-"
                + startMillis(self) + "@" + HOST + "-" + UUID.randomUUID());
    }

    /** Cleans up the leftovers beside target as the class comment says, telling {@code report} each step. */
    static void cleanUp(FileSystem fs, Path target, Consumer<String> report) throws IOException {
        cleanUp(fs, target, report, folder -> "");
    }

    /**
     * As {@link #cleanUp(FileSystem, Path, Consumer)}, but a dead driver's staging folder for which
     * {@code notResumable} answers null is kept and returned; its answer otherwise (why the folder
     * cannot be resumed, or "") is added to the report of the removal.
     */
    static List<Path> cleanUp(FileSystem fs, Path target, Consumer<String> report,
                              Function<Path, String> notResumable) throws IOException {
        List<Path> kept = new ArrayList<>();
        FileStatus[] siblings = fs.listStatus(target.getParent(),
                p -> p.getName().startsWith(target.getName() + ".staging-")
                        || p.getName().startsWith(target.getName() + ".replaced-"));
        for (FileStatus sibling : siblings) {
            Path folder = sibling.getPath();
            Matcher m = OWNED.matcher(folder.getName().substring(target.getName().length()));
            boolean ownerGone = m.matches() && !HOST.startsWith("~") && m.group(4).equals(HOST)
                    && !running(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
            boolean onlyCopy = folder.getName().startsWith(target.getName() + ".replaced-") && !fs.exists(target);
            if (!ownerGone) {
                report.accept(folder + " is left from another job, which may still be running"
                        + (m.matches() ? " (pid " + m.group(2) + " on " + m.group(4) + ")" : "")
                        + (onlyCopy ? "; it holds the previous output: move it back to " + target
                                + " once that job has ended" : "; delete it once that job has ended"));
            } else if (onlyCopy) {
                if (!fs.rename(folder, target)) {
                    throw new IOException("could not move " + folder + " back to " + target);
                }
                report.accept("restored " + target + " from " + folder.getName()
                        + ": the driver that was replacing it (pid " + m.group(2) + ") died");
            } else {
                String why = folder.getName().startsWith(target.getName() + ".staging-") ? notResumable.apply(folder) : "";
                if (why == null) {
                    kept.add(folder);
                    continue;
                }
                fs.delete(folder, true);
                report.accept("removed " + folder.getName() + ", left by a driver that died (pid " + m.group(2) + ")"
                        + (why.isEmpty() ? "" : "; not resumed: " + why + ", starting clean"));
            }
        }
        return kept;
    }

    /** Whether the process with this pid is the one that started then (unknown start: assumed so). */
    private static boolean running(long pid, long startMillis) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().startInstant().map(t -> t.toEpochMilli() == startMillis).orElse(true))
                .orElse(false);
    }

    private static long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** The pid namespace's inode (Linux), or 0. */
    private static String pidNamespace() {
        try {
            String link = Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/pid")).toString();
            return link.replaceAll("\\D", "");
        } catch (IOException | UnsupportedOperationException | SecurityException none) {
            return "0";
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
