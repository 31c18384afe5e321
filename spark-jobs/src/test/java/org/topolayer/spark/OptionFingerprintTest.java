package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class OptionFingerprintTest {
    @Command(name = "job", mixinStandardHelpOptions = true)
    static final class Job {
        @Option(names = "--config")
        String config;
        @Option(names = {"-m", "--model"}, defaultValue = "pixel-cnn")
        String model;
        @Option(names = "--eps", split = ",", defaultValue = "0.01,0.1")
        List<Double> eps;
        @Option(names = "--hidden", split = ",")
        int[] hidden;
        @Option(names = "--learning-rate")
        Double learningRate;
        @Option(names = "--output")
        String output;
    }

    private static Map<String, String> fingerprint(String... args) {
        CommandLine cli = new CommandLine(new Job());
        cli.parseArgs(args);
        return OptionFingerprint.of(cli.getCommandSpec(), Set.of("--output"), Map.of("--learning-rate", "0.001"));
    }

    @Test
    void everyOptionButTheIgnoredOnesByItsLongNameWithItsValueAsText() {
        Map<String, String> f = fingerprint("-m", "pixel-mlp", "--hidden", "64,32", "--output", "/x", "--config", "c");
        assertEquals(List.of("--model", "--eps", "--hidden", "--learning-rate"), List.copyOf(f.keySet()));
        assertEquals("pixel-mlp", f.get("--model"));
        assertEquals("0.01,0.1", f.get("--eps"));
        assertEquals("64,32", f.get("--hidden"));
        assertEquals("0.001", f.get("--learning-rate"), "the effective value, not the absent option's null");
        assertEquals(OptionFingerprint.NONE, fingerprint().get("--hidden"));
    }

    @Test
    void theFirstDifferenceNamesTheOptionAndBothValues() {
        assertNull(OptionFingerprint.firstDifference(fingerprint("--output", "/a"), fingerprint("--output", "/b")));
        assertEquals("--eps was 0.01,0.1, is 0.05", OptionFingerprint.firstDifference(fingerprint(),
                fingerprint("--eps", "0.05", "--hidden", "8")));
        assertEquals("--hidden was 8, is (none)", OptionFingerprint.firstDifference(fingerprint("--hidden", "8"),
                fingerprint()));
        assertEquals("--new was (none), is 1", OptionFingerprint.firstDifference(Map.of(), Map.of("--new", "1")));
    }
}
