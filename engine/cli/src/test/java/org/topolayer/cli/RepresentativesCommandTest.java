package org.topolayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topolayer.cli.CliRun.topo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code topo diagram --representatives}: the fourth TSV field, the JSON lists, and the refused combinations. */
class RepresentativesCommandTest {
    @TempDir
    Path dir;

    private String file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    /** The bars without their representatives, as the run without the flag prints them. */
    private static String withoutFourthField(String tsv) {
        StringBuilder sb = new StringBuilder();
        for (String line : tsv.split("\n")) {
            String[] fields = line.split("\t");
            assertEquals(4, fields.length, line);
            sb.append(String.join("\t", Arrays.copyOf(fields, 3))).append('\n');
        }
        return sb.toString();
    }

    @Test
    void theBarsAreThoseWithoutTheFlagAndEachHasAChain() {
        String[][] runs = {
            {"--filtration", "levelset", "--input", "example:ring", "--superlevel"},
            {"--filtration", "rips", "--input", "example:circle"},
            {"--filtration", "alpha", "--input", "example:circle", "--alpha-mode", "exact"},
            {"--filtration", "complex", "--input", "example:torus", "--maxdim", "2"},
        };
        for (String[] args : runs) {
            String[] command = new String[args.length + 2];
            command[0] = "diagram";
            System.arraycopy(args, 0, command, 1, args.length);
            command[command.length - 1] = "--representatives";
            CliRun plain = topo(Arrays.copyOf(command, command.length - 1));
            CliRun represented = topo(command);
            assertEquals(0, represented.exitCode(), represented.err());
            assertEquals(plain.out(), withoutFourthField(represented.out()), String.join(" ", args));
            for (String line : represented.out().split("\n")) {
                String chain = line.split("\t")[3];
                assertTrue(chain.matches("\\d+(-\\d+)*(;\\d+(-\\d+)*)*"), line);
                assertEquals(Integer.parseInt(line.split("\t")[0]) + 1, chain.split(";")[0].split("-").length, line);
            }
        }
    }

    @Test
    void theLoopOfASquareRingRunsAlongItsBorderByFlatPixelIndex() throws IOException {
        // 5x5: border 0, inside 1, centre 2: H1 [0, 2) born by the border loop; the Freudenthal triangles
        // {3, 4, 9} and {15, 20, 21} (down-right diagonals) lie in the border and cut two corners
        String image = file("ring.txt", """
                0 0 0 0 0
                0 1 1 1 0
                0 1 2 1 0
                0 1 1 1 0
                0 0 0 0 0
                """);
        CliRun run = topo("diagram", "--filtration", "levelset", "--input", image, "--representatives");
        assertEquals(0, run.exitCode(), run.err());
        String h1 = Arrays.stream(run.out().split("\n")).filter(l -> l.startsWith("1\t")).findFirst().orElseThrow();
        assertTrue(h1.startsWith("1\t0.0\t2.0\t"), h1);
        Set<String> edges = new TreeSet<>(Arrays.asList(h1.split("\t")[3].split(";")));
        Set<String> border = new TreeSet<>();
        for (int k = 0; k < 4; k++) {
            border.add(k + "-" + (k + 1)); // top row
            border.add((20 + k) + "-" + (21 + k)); // bottom row
            border.add(5 * k + "-" + (5 * k + 5)); // left column
            border.add((5 * k + 4) + "-" + (5 * k + 9)); // right column
        }
        border.removeAll(Set.of("3-4", "4-9", "15-20", "20-21"));
        border.addAll(Set.of("3-9", "15-21"));
        assertEquals(border, edges);
    }

    @Test
    void coefficientsOverZpAndJson() throws IOException {
        String matrix = file("square.txt", """
                0 1 2 1
                1 0 1 2
                2 1 0 1
                1 2 1 0
                """);
        CliRun z3 = topo("diagram", "--filtration", "rips", "--input", matrix, "--distance-matrix", "--coeff", "3",
                "--representatives");
        assertEquals(0, z3.exitCode(), z3.err());
        String h1 = Arrays.stream(z3.out().split("\n")).filter(l -> l.startsWith("1\t")).findFirst().orElseThrow();
        assertTrue(h1.startsWith("1\t1.0\t2.0\t1*"), h1); // the cocycle starts at the birth edge, coefficient 1
        assertTrue(h1.split("\t")[3].matches("-?1\\*\\d+-\\d+(;-?1\\*\\d+-\\d+)*"), h1);
        CliRun json = topo("diagram", "--filtration", "rips", "--input", matrix, "--distance-matrix", "--coeff", "3",
                "--representatives", "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"representative_kind\": \"cocycle\",\n  \"modulus\": 3,"), json.out());
        assertTrue(json.out().contains("\"representatives\": [{\"simplices\": [["), json.out());
        CliRun plain = topo("diagram", "--filtration", "rips", "--input", matrix, "--distance-matrix", "--format", "json");
        assertTrue(!plain.out().contains("representative"), plain.out());
    }

    @Test
    void theKindCanBeChosen() {
        CliRun cycles = topo("diagram", "--filtration", "rips", "--input", "example:circle", "--representatives=cycles",
                "--format", "json");
        assertEquals(0, cycles.exitCode(), cycles.err());
        assertTrue(cycles.out().contains("\"representative_kind\": \"cycle\""), cycles.out());
        CliRun cocycles = topo("diagram", "--filtration", "levelset", "--input", "example:ring", "--representatives",
                "cocycles", "--format", "json");
        assertEquals(0, cocycles.exitCode(), cocycles.err());
        assertTrue(cocycles.out().contains("\"representative_kind\": \"cocycle\""), cocycles.out());
        topo("diagram", "--filtration", "rips", "--input", "example:circle", "--representatives=loops")
                .assertOneLineError(2, "--representatives takes cycles or cocycles", "'loops'");
    }

    @Test
    void unsupportedCombinationsAreOneLineErrors() throws IOException {
        topo("diagram", "--filtration", "cubical", "--input", "example:ring", "--representatives")
                .assertOneLineError(2, "--representatives does not apply to --filtration cubical", "--filtration levelset");
        String pairs = file("pairs.txt", "0 1 1.0\n1 2 1.0\n");
        topo("diagram", "--filtration", "rips", "--input", pairs, "--sparse-distances", "--representatives")
                .assertOneLineError(2, "--sparse-distances", "--distance-matrix");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2100; i++) {
            many.append(i).append(' ').append(i % 13).append('\n');
        }
        String points = file("many.txt", many.toString());
        topo("diagram", "--filtration", "rips", "--input", points, "--representatives")
                .assertOneLineError(1, "many.txt", "2000000", "threshold");
    }
}
