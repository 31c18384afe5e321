package org.topolayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A {@code topo} command line run in-process, with what it printed; shared by the command tests. */
record CliRun(int exitCode, String out, String err) {
    static CliRun topo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TopoCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Checks that the run failed with one line on stderr mentioning each of the given parts, and no output. */
    void assertOneLineError(int expectedExitCode, String... mentions) {
        assertEquals(expectedExitCode, exitCode, err);
        assertEquals("", out);
        assertTrue(err.endsWith("\n") && err.indexOf('\n') == err.length() - 1, "exactly one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        for (String mention : mentions) {
            assertTrue(err.contains(mention), "'" + mention + "' in: " + err);
        }
    }
}
