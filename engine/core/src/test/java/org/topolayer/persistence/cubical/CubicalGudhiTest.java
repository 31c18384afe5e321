package org.topolayer.persistence.cubical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * Bar-for-bar equality with GUDHI's {@code CubicalComplex(top_dimensional_cells=...)} on 450 random
 * images and volumes with ties, sublevel and superlevel: the cases and GUDHI's diagrams come from
 * bench/peers/gudhi_cubical_check.py. Skipped, with the reason, where Debian's python3-gudhi is
 * absent ({@code PYTHON} names another interpreter).
 */
class CubicalGudhiTest {
    @TempDir
    Path dir;

    @Test
    void sameBarsAsGudhiOnRandomImagesAndVolumesWithTies() throws IOException, InterruptedException {
        String python = System.getenv().getOrDefault("PYTHON", "/usr/bin/python3");
        assumeTrue(run(python, "-c", "import gudhi, numpy") == 0,
                "GUDHI not installed: " + python + " cannot import gudhi and numpy (apt-get install python3-gudhi)");
        Path script = Path.of(System.getProperty("topo.home", "../.."), "bench", "peers", "gudhi_cubical_check.py");
        Path cases = dir.resolve("cases.tsv");
        assertEquals(0, run(python, script.toString(), "cases", "--output", cases.toString()), "the GUDHI script failed");
        List<String> lines = Files.readAllLines(cases);
        assertEquals(900, lines.size());
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            int[] shape = Arrays.stream(f[2].split("x")).mapToInt(Integer::parseInt).toArray();
            double[] values = Arrays.stream(f[3].split(" ")).mapToDouble(Double::parseDouble).toArray();
            LevelSet levelSet = f[1].equals("superlevel") ? LevelSet.SUPERLEVEL : LevelSet.SUBLEVEL;
            PersistenceDiagrams ours = CubicalPersistence.compute(values, shape, shape.length - 1, levelSet);
            assertEquals(gudhi(f[4]), bars(ours), f[0] + " " + f[1] + " " + f[2] + ": " + f[3]);
        }
    }

    private static List<String> gudhi(String bars) {
        List<String> out = new ArrayList<>();
        for (String bar : bars.isEmpty() ? new String[0] : bars.split(",")) {
            String[] p = bar.split(":");
            out.add(p[0] + " " + number(p[1]) + " " + number(p[2]));
        }
        out.sort(null);
        return out;
    }

    private static double number(String s) {
        return switch (s) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    private static List<String> bars(PersistenceDiagrams diagrams) {
        List<String> out = new ArrayList<>();
        for (Diagram d : diagrams) {
            for (int i = 0; i < d.size(); i++) {
                out.add(d.dimension() + " " + d.birth(i) + " " + d.death(i));
            }
        }
        out.sort(null);
        return out;
    }

    private int run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("python.log").toFile())
                    .start();
        } catch (IOException e) {
            return -1; // no such interpreter
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
