package org.topolayer.spark.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed driver leaves beside an output, cleaned up by the next {@link AtomicOutput#begin}. */
class LeftoverFoldersTest {
    @TempDir
    Path tmp;

    @Test
    void aDeadDriversStagingFolderIsRemovedOthersAreReportedAndKept() throws Exception {
        Path out = tmp.resolve("out");
        String dead = leftover(out, "staging", deadPid());
        String live = leftover(out, "staging", ProcessHandle.current().pid());
        String reused = leftover(out, "staging", ProcessHandle.current().pid(), -60_000); // same pid, other process
        String remote = "out.staging-42-1700000000000@another-host~4026531836-" + UUID.randomUUID();
        String old = "out.staging-" + UUID.randomUUID(); // before folders named their owner
        for (String name : List.of(remote, old)) {
            Files.writeString(Files.createDirectories(tmp.resolve(name)).resolve("part-0"), "half");
        }
        List<String> messages = new ArrayList<>();

        LeftoverFolders.cleanUp(fs(), hadoopPath(out), messages::add);

        assertEquals(Stream.of(live, old, remote).sorted().toList(), names(tmp));
        assertEquals(5, messages.size(), messages.toString());
        for (String removed : List.of(dead, reused)) {
            assertTrue(messages.stream().anyMatch(m -> m.startsWith("removed " + removed + ", left by a driver that died")),
                    removed + " in " + messages);
        }
        for (String kept : List.of(live, old, remote)) {
            assertTrue(messages.stream().anyMatch(m -> m.contains(kept) && m.contains("may still be running")),
                    kept + " in " + messages);
        }
    }

    @SuppressWarnings("try") // opening the output is what cleans up
    @Test
    void aPreviousOutputMovedAsideByADeadDriverIsRestoredWhenTheOutputIsMissing() throws Exception {
        Path out = tmp.resolve("out");
        String replaced = leftover(out, "replaced", deadPid());
        String staging = leftover(out, "staging", deadPid()); // the new output that never took its place

        try (AtomicOutput output = AtomicOutput.begin(new Configuration(), out.toString(), true)) {
            assertEquals("half", Files.readString(out.resolve("part-0")), "the previous output is back");
            assertEquals(List.of("out"), names(tmp), staging + " and " + replaced + " are gone");
        }
    }

    @Test
    void aPreviousOutputALiveDriverMovedAsideIsKeptWithAdviceToMoveItBack() throws Exception {
        Path out = tmp.resolve("out");
        String replaced = leftover(out, "replaced", ProcessHandle.current().pid());
        List<String> messages = new ArrayList<>();

        LeftoverFolders.cleanUp(fs(), hadoopPath(out), messages::add);

        assertEquals(List.of(replaced), names(tmp));
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).endsWith("; it holds the previous output: move it back to " + hadoopPath(out)
                + " once that job has ended"), messages.get(0));
    }

    @Test
    void aPreviousOutputADeadDriverHadAlreadyReplacedIsDeleted() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("part-0"), "new");
        leftover(out, "replaced", deadPid());

        AtomicOutput.begin(new Configuration(), out.toString(), true).close();

        assertEquals(List.of("out"), names(tmp));
        assertEquals("new", Files.readString(out.resolve("part-0")));
    }

    /** A folder beside out as a driver with this pid (and this JVM's start time) makes it, with a file in it; its name. */
    private static String leftover(Path out, String kind, long pid) throws IOException {
        return leftover(out, kind, pid, 0);
    }

    /** The same, the start time moved by {@code startShift} ms (another process of the same pid). */
    private static String leftover(Path out, String kind, long pid, long startShift) throws IOException {
        String name = LeftoverFolders.named(hadoopPath(out), kind).getName();
        Matcher m = Pattern.compile("-" + ProcessHandle.current().pid() + "-(\\d+)@").matcher(name);
        assertTrue(m.find(), name);
        name = name.replace(m.group(), "-" + pid + "-" + (Long.parseLong(m.group(1)) + startShift) + "@");
        Files.writeString(Files.createDirectories(out.resolveSibling(name)).resolve("part-0"), "half");
        return name;
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static org.apache.hadoop.fs.FileSystem fs() throws IOException {
        return org.apache.hadoop.fs.FileSystem.getLocal(new Configuration());
    }

    private static org.apache.hadoop.fs.Path hadoopPath(Path p) {
        return new org.apache.hadoop.fs.Path(p.toUri());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
