package org.topolayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help prints cleanly: exit 0, no picocli warning (an unescaped % in a description), whole sentences. */
class HelpTextTest {
    @Test
    void everyCommandsHelpPrintsWithoutWarnings() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new TopoCli()), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 10, "topo and its commands: " + paths);
        PrintStream stderr = System.err;
        for (List<String> path : paths) {
            ByteArrayOutputStream captured = new ByteArrayOutputStream(); // picocli warns on System.err
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            CliRun run;
            try {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                run = CliRun.topo(args.toArray(String[]::new));
            } finally {
                System.setErr(stderr);
            }
            String warnings = captured.toString(StandardCharsets.UTF_8) + run.err();
            assertEquals(0, run.exitCode(), path + ": " + run.err());
            assertFalse(warnings.contains("WARN"), path + " --help warns: " + warnings);
            assertTrue(run.out().startsWith("Usage: topo"), path + ": " + run.out());
        }
    }

    @Test
    void theCommandListShowsWholeSentences() {
        CliRun run = CliRun.topo("--help");
        String list = run.out().substring(run.out().indexOf("Commands:"), run.out().indexOf("Run 'topo"));
        CommandLine topo = new CommandLine(new TopoCli());
        for (var entry : topo.getSubcommands().entrySet()) {
            String sentence = TopoCli.firstSentence(entry.getValue().getCommandSpec());
            assertTrue(sentence.endsWith("."), entry.getKey() + ": '" + sentence + "'");
            String lastWord = sentence.substring(sentence.lastIndexOf(' ') + 1);
            assertTrue(list.contains(lastWord), entry.getKey() + " is cut in:\n" + list);
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> child = new ArrayList<>(path);
            child.add(name);
            collect(sub, child, into);
        });
    }
}
