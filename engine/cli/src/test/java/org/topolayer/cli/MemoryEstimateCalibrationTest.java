package org.topolayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.topolayer.io.ArrayWriter;

/**
 * Pins the memory estimates to the heap a computation really needs: each case's {@code topo diagram}
 * runs in a fresh JVM whose {@code -Xmx} is the estimate (it must finish) and again with
 * {@code -Xmx} = estimate / 1.3 (it must run out of memory). So an estimate that drifts under what
 * the work needs, or more than about 1.3× over it, fails here. The target is 1.0–1.25× (measured with
 * bench/limits/smallest-heap.sh on these inputs: docs/reliability.md); the test's looser upper bound
 * keeps it clear of the garbage collector's run-to-run variation near the smallest heap.
 */
@Tag("slow")
class MemoryEstimateCalibrationTest {
    private static final Pattern ESTIMATE = Pattern.compile("needs about ([0-9.]+) (KiB|MiB|GiB)");
    private static final double UNDER = 1.3;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"dense-rips", "sparse-rips", "exact-alpha", "weak-alpha", "levelset"})
    void theEstimateIsEnoughAndNotFarAboveWhatTheRunNeeds(String name) throws Exception {
        List<String> args = inputFor(name);
        double estimateMib = estimateMib(args);
        int enough = (int) Math.ceil(estimateMib);
        int tooLittle = (int) Math.floor(estimateMib / UNDER);

        Run at = run(enough, args);
        assertEquals(0, at.exit, name + ": did not finish in -Xmx" + enough + "m, its estimate; the estimate is "
                + "under what the work needs:\n" + at.stderr);
        Run below = run(tooLittle, args);
        assertNotEquals(0, below.exit, name + ": finished in -Xmx" + tooLittle + "m, estimate / " + UNDER
                + "; the estimate (" + estimateMib + " MiB) is too far above what the work needs");
        assertTrue(below.stderr.toLowerCase().contains("memory"), name + ": failed for another reason than memory "
                + "in -Xmx" + tooLittle + "m:\n" + below.stderr);
    }

    /** Seeded random inputs of the sizes docs/reliability.md's table measured. */
    private List<String> inputFor(String name) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        return switch (name) {
            case "dense-rips" -> List.of("--filtration", "rips", "--maxdim", "1", "--input", points(random, 2000));
            case "sparse-rips" -> List.of("--filtration", "rips", "--maxdim", "1", "--threshold", "0.008", "--input",
                    points(random, 100_000));
            case "exact-alpha" -> List.of("--filtration", "alpha", "--alpha-mode", "exact", "--maxdim", "1", "--input",
                    points(random, 100_000));
            case "weak-alpha" -> List.of("--filtration", "alpha", "--alpha-mode", "weak", "--maxdim", "1", "--input",
                    points(random, 200_000));
            case "levelset" -> List.of("--filtration", "levelset", "--maxdim", "1", "--input", image(random, 1024));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private String points(SplittableRandom random, int n) throws IOException {
        double[] xy = new double[2 * n];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = random.nextDouble();
        }
        Path file = dir.resolve("points-" + n + ".npy");
        ArrayWriter.writeNpy(file, xy, new int[] {n, 2});
        return file.toString();
    }

    private String image(SplittableRandom random, int side) throws IOException {
        double[] values = new double[side * side];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
        }
        Path file = dir.resolve("image-" + side + ".npy");
        ArrayWriter.writeNpy(file, values, new int[] {side, side});
        return file.toString();
    }

    /** The estimate as a user sees it: the refusal under a 1-byte budget. */
    private double estimateMib(List<String> args) throws Exception {
        List<String> refused = new ArrayList<>(args);
        refused.addAll(List.of("--memory-budget", "1", "--output", "/dev/null"));
        Run run = run(512, refused);
        Matcher m = ESTIMATE.matcher(run.stderr);
        assertTrue(run.exit != 0 && m.find(), "no estimate in the refusal: " + run.stderr);
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "KiB" -> value / 1024;
            case "GiB" -> value * 1024;
            default -> value;
        };
    }

    private record Run(int exit, String stderr) {}

    /** {@code topo diagram ARGS} in a fresh JVM of the test's class path with the given maximum heap. */
    private Run run(int heapMib, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMib + "m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                TopoCli.class.getName(), "diagram"));
        command.addAll(args);
        if (!args.contains("--memory-budget")) {
            command.addAll(List.of("--memory-budget", "1t", "--output", "/dev/null"));
        }
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "topo diagram did not end within 10 minutes: " + command);
        return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }
}
