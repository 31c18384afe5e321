package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** topo-submit's and every job's --help print without picocli warnings (an unescaped % in a description). */
class HelpTextTest {
    @Test
    void everyJobsHelpPrintsWithoutWarnings() {
        var jobs = new CommandLine(new SparkJobs()).getSubcommands().keySet();
        assertTrue(jobs.size() >= 4, jobs.toString());
        check(new String[] {"--help"});
        for (String job : jobs) {
            check(new String[] {job, "--help"});
        }
    }

    private static void check(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream warned = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(warned, true, StandardCharsets.UTF_8));
            status = SparkJobs.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String help = printed.toString(StandardCharsets.UTF_8);
        String warnings = warned.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, String.join(" ", args) + ": " + warnings);
        assertFalse(warnings.contains("WARN"), String.join(" ", args) + " warns: " + warnings);
        assertTrue(help.startsWith("Usage: topo-submit"), help);
    }
}
