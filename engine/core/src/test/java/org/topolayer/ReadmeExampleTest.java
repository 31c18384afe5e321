package org.topolayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.topolayer.features.SumBarcodeLengths;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.rips.RipsPersistence;

/**
 * The README's "Use it from Java" example, compiled and run: {@link #example} is the README's code
 * block, and a test checks that the README still shows exactly these lines.
 */
class ReadmeExampleTest {
    // README example begins
    static void example(PrintStream out) {
        double[][] points = new double[12][];
        for (int i = 0; i < points.length; i++) {
            double angle = 2 * Math.PI * i / points.length;
            points[i] = new double[] {Math.cos(angle), Math.sin(angle)};
        }
        PersistenceDiagrams diagrams = RipsPersistence.ofPoints(points, 1, Double.POSITIVE_INFINITY);
        Diagram h1 = diagrams.get(1);
        for (int i = 0; i < h1.size(); i++) {
            out.printf("H1 bar [%.3f, %.3f) born at edge %d-%d%n",
                    h1.birth(i), h1.death(i), h1.birthSource(i, 0), h1.birthSource(i, 1));
        }
        Diagram h0 = diagrams.get(0);
        out.printf("total H0 persistence: %.3f%n", new SumBarcodeLengths(0).value(h0.births(), h0.deaths())[0]);
    }
    // README example ends

    @Test
    void theExampleFindsTheCirclesLoop() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        example(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length, "one H1 bar and the H0 total");
        // 12 points on the unit circle: the loop is born at the side 2 sin(pi/12) and dies at the triangle's side sqrt(3)
        Matcher bar = Pattern.compile("H1 bar \\[(\\S+), (\\S+)\\) born at edge \\d+-\\d+").matcher(lines[0]);
        assertTrue(bar.matches(), lines[0]);
        assertEquals(2 * Math.sin(Math.PI / 12), Double.parseDouble(bar.group(1)), 1e-3);
        assertEquals(Math.sqrt(3), Double.parseDouble(bar.group(2)), 1e-3);
        // 11 finite H0 bars of the side length; the essential bar is not summed
        assertEquals("total H0 persistence: " + String.format("%.3f", 11 * 2 * Math.sin(Math.PI / 12)), lines[1]);
    }

    @Test
    void theReadmeShowsThisCode() throws Exception {
        Path root = Path.of(System.getProperty("topo.home"));
        String readme = Files.readString(root.resolve("README.md"));
        String source = Files.readString(Path.of("src/test/java/org/topolayer/ReadmeExampleTest.java"));
        String code = source.substring(source.indexOf("// README example begins\n") + 25,
                source.indexOf("    // README example ends"));
        String unindented = code.lines().map(l -> l.length() >= 4 ? l.substring(4) : l)
                .reduce("", (a, b) -> a + b + "\n");
        assertTrue(readme.contains(unindented), "README.md must show the example exactly as this test runs it:\n" + unindented);
    }
}
