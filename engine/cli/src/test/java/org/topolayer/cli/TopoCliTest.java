package org.topolayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.topolayer.cli.CliRun.topo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code topo diagram} run in-process: outputs, exit codes and the one-line errors of §4. */
class TopoCliTest {
    /** A 3×3 image whose sublevel diagrams are worked out by hand in {@link #goldenImageTsv}. */
    private static final String IMAGE = "1 5 2\n6 9 4\n3 7 0\n";

    @TempDir
    Path dir;

    private String file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private static void assertOneLineError(CliRun run, int exitCode, String... mentions) {
        run.assertOneLineError(exitCode, mentions);
    }

    @Test
    void goldenImageTsv() throws IOException {
        // Sublevel: minima 0, 1, 2, 3 merge at 5 (1), 4 (2) and 6 (3); the loop around the centre
        // closes at 7 and fills at 9.
        String image = file("image.csv", IMAGE);
        CliRun run = topo("diagram", "--filtration", "levelset", "--input", image);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("0\t0.0\tinf\n0\t1.0\t5.0\n0\t2.0\t4.0\n0\t3.0\t6.0\n1\t7.0\t9.0\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void sameImageAsPgmAndWithCommasGivesTheSameBars() throws IOException {
        String expected = topo("diagram", "--filtration", "levelset", "--input", file("image.txt", IMAGE)).out();
        String pgm = file("image.pgm", "P2\n3 3\n9\n" + IMAGE);
        assertEquals(expected, topo("diagram", "--filtration", "levelset", "--input", pgm).out());
        String csv = file("image.csv", IMAGE.replace(' ', ','));
        assertEquals(expected, topo("diagram", "--filtration", "levelset", "--input", csv, "--maxdim", "1").out());
    }

    @Test
    void superlevelSignalFromOneColumn() throws IOException {
        String signal = file("signal.csv", "0\n3\n1\n4\n2\n");
        CliRun run = topo("diagram", "--filtration", "levelset", "--input", signal, "--superlevel", "--maxdim", "0");
        assertEquals("0\t3.0\t1.0\n0\t4.0\t-inf\n", run.out());
    }

    @Test
    void flatSignalPrintsNoZeroLengthBars() throws IOException {
        String signal = file("flat.csv", "1,1,1\n");
        assertEquals("0\t1.0\tinf\n", topo("diagram", "--filtration", "levelset", "--input", signal).out());
    }

    @Test
    void jsonOfTheRingExample() {
        CliRun run = topo("diagram", "--filtration", "levelset", "--input", "example:ring", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                {
                  "filtration": "levelset",
                  "superlevel": false,
                  "maxdim": 1,
                  "diagrams": [
                    {"dim": 0, "bars": [[0.0, 1.0], [0.0, "inf"]]},
                    {"dim": 1, "bars": [[0.0, 1.0]]}
                  ]
                }
                """, run.out());
    }

    @Test
    void torusExampleHasTheBettiNumbersOfATorus() {
        CliRun run = topo("diagram", "--filtration", "complex", "--input", "example:torus", "--maxdim", "2");
        assertEquals(0, run.exitCode(), run.err());
        List<String> essential = run.out().lines().filter(l -> l.endsWith("\tinf")).map(l -> l.substring(0, 1)).toList();
        assertEquals(List.of("0", "1", "1", "2"), essential);
    }

    @Test
    void complexWithValuesFile() throws IOException {
        String complex = file("c.txt", "# a hollow triangle with a tail\n0 1\n1 2\n0 2\n2 3\n");
        String values = file("v.txt", "0\n1\n2\n0.5\n");
        CliRun run = topo("diagram", "--filtration", "complex", "--input", complex, "--values", values);
        assertEquals("0\t0.0\tinf\n0\t0.5\t2.0\n1\t2.0\tinf\n", run.out());
    }

    @Test
    void aComplexFileIsReadAsTextWhateverItsName() throws IOException {
        String complex = file("torus.simplices", "0 1\n1 2\n0 2\n2 3\n");
        String values = file("v.txt", "0\n1\n2\n0.5\n");
        CliRun run = topo("diagram", "--filtration", "complex", "--input", complex, "--values", values);
        assertEquals("0\t0.0\tinf\n0\t0.5\t2.0\n1\t2.0\tinf\n", run.out());
    }

    /** A cube's surface as six quadrilaterals (split into triangles): a sphere, so H0 and H2 essential, no H1. */
    private static final String CUBE_OFF = "OFF\n# a unit cube\n8 6 12\n"
            + "0 0 0\n1 0 0\n1 1 0\n0 1 0\n0 0 1\n1 0 1\n1 1 1\n0 1 1\n"
            + "4 0 1 2 3\n4 4 5 6 7\n4 0 1 5 4\n4 1 2 6 5\n4 2 3 7 6\n4 3 0 4 7\n";

    @Test
    void anOffMeshWithAHeightFunction() throws IOException {
        String mesh = file("cube.off", CUBE_OFF);
        CliRun run = topo("diagram", "--filtration", "complex", "--input", mesh, "--values", "z", "--maxdim", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("0\t0.0\tinf\n2\t1.0\tinf\n", run.out());
        CliRun superlevel = topo("diagram", "--filtration", "complex", "--input", mesh, "--values", "x", "--maxdim", "2",
                "--superlevel");
        assertEquals("0\t1.0\t-inf\n2\t0.0\t-inf\n", superlevel.out());
    }

    @Test
    void badMeshesAndCoordinateValuesAreOneLineErrors() throws IOException {
        String outOfRange = file("bad.off", "OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 3\n");
        assertOneLineError(topo("diagram", "--filtration", "complex", "--input", outOfRange, "--values", "z"), 1,
                outOfRange, "line 6", "vertex 3", "has 3 vertices");
        String colour = file("c.off", "COFF\n3 1 0\n0 0 0 1 1 1 1\n");
        assertOneLineError(topo("diagram", "--filtration", "complex", "--input", colour, "--values", "z"), 1,
                colour, "expected 'OFF'", "plain OFF");
        String text = file("c.txt", "0 1\n");
        assertOneLineError(topo("diagram", "--filtration", "complex", "--input", text, "--values", "z"), 1,
                "need an OFF mesh");
    }

    @Test
    void alphaOfTheCircleExampleHasOneLongLoop() {
        for (String mode : List.of("weak", "exact")) {
            CliRun run = topo("diagram", "--filtration", "alpha", "--input", "example:circle", "--alpha-mode", mode);
            assertEquals(0, run.exitCode(), run.err());
            long longLoops = run.out().lines().map(l -> l.split("\t"))
                    .filter(bar -> bar[0].equals("1") && Double.parseDouble(bar[2]) - Double.parseDouble(bar[1]) > 0.5)
                    .count();
            assertEquals(1, longLoops, mode + ":\n" + run.out());
        }
    }

    @Test
    void ripsOfTheCircleExampleHasOneLongLoop() {
        CliRun run = topo("diagram", "--filtration", "rips", "--input", "example:circle", "--threshold", "2.5");
        assertEquals(0, run.exitCode(), run.err());
        long longLoops = run.out().lines().map(l -> l.split("\t"))
                .filter(bar -> bar[0].equals("1") && Double.parseDouble(bar[2]) - Double.parseDouble(bar[1]) > 0.5)
                .count();
        assertEquals(1, longLoops, run.out());
    }

    @Test
    void ripsFromADistanceMatrix() throws IOException {
        // four points on a square with side 1 and diagonal 2: the loop is born at 1 and dies at 2
        String matrix = file("square.csv", "0 1 2 1\n1 0 1 2\n2 1 0 1\n1 2 1 0\n");
        CliRun run = topo("diagram", "--filtration", "rips", "--input", matrix, "--distance-matrix");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("0\t0.0\t1.0\n0\t0.0\t1.0\n0\t0.0\t1.0\n0\t0.0\tinf\n1\t1.0\t2.0\n", run.out());
        String ragged = file("ragged.csv", "0 1\n1 0\n2 1\n");
        assertOneLineError(topo("diagram", "--filtration", "rips", "--input", ragged, "--distance-matrix"), 1,
                ragged, "must be square");
    }

    /**
     * The 6-vertex projective plane with every value 0: H1 and H2 classes over Z/2 (torsion), none
     * over Z/3; and a Rips run over Z/3 gives the square's loop as over Z/2 (no torsion there).
     */
    @Test
    void coefficientsShowTheProjectivePlanesTorsion() throws IOException {
        String rp2 = file("rp2.txt", "0 1 2\n0 2 3\n0 3 4\n0 4 5\n0 1 5\n1 2 4\n2 3 5\n1 3 4\n2 4 5\n1 3 5\n");
        String zeros = file("zeros.txt", "0\n0\n0\n0\n0\n0\n");
        CliRun z2 = topo("diagram", "--filtration", "complex", "--input", rp2, "--values", zeros, "--maxdim", "2");
        assertEquals("0\t0.0\tinf\n1\t0.0\tinf\n2\t0.0\tinf\n", z2.out(), z2.err());
        CliRun z3 = topo("diagram", "--filtration", "complex", "--input", rp2, "--values", zeros, "--maxdim", "2",
                "--coeff", "3");
        assertEquals("0\t0.0\tinf\n", z3.out(), z3.err());
        String matrix = file("square.csv", "0 1 2 1\n1 0 1 2\n2 1 0 1\n1 2 1 0\n");
        CliRun rips = topo("diagram", "--filtration", "rips", "--input", matrix, "--distance-matrix", "--coeff", "3");
        assertEquals("0\t0.0\t1.0\n0\t0.0\t1.0\n0\t0.0\t1.0\n0\t0.0\tinf\n1\t1.0\t2.0\n", rips.out(), rips.err());
        assertOneLineError(topo("diagram", "--filtration", "rips", "--input", "example:circle", "--coeff", "4"), 2,
                "--coeff: the coefficient modulus must be a prime below 32768", "got 4");
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", "example:ring", "--coeff", "3"), 2,
                "--coeff does not apply to --filtration levelset", "rips", "complex");
    }

    @Test
    void ripsFromSparseDistances() throws IOException {
        // the same square as a neighbour list: the four sides and one diagonal; the other diagonal absent
        String pairs = file("square-pairs.csv", "0 1 1\n1 2 1\n2 3 1\n3 0 1\n0 2 2\n");
        CliRun run = topo("diagram", "--filtration", "rips", "--input", pairs, "--sparse-distances");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("0\t0.0\t1.0\n0\t0.0\t1.0\n0\t0.0\t1.0\n0\t0.0\tinf\n1\t1.0\t2.0\n", run.out());
        String repeated = file("repeated.csv", "0 1 1\n1 0 1\n");
        assertOneLineError(topo("diagram", "--filtration", "rips", "--input", repeated, "--sparse-distances"), 1,
                repeated, "the pair (0, 1) is given twice");
        String fractional = file("fractional.csv", "0 1.5 1\n");
        assertOneLineError(topo("diagram", "--filtration", "rips", "--input", fractional, "--sparse-distances"), 1,
                fractional, "row 1, column 2: point id 1.5 is not a whole number");
        assertOneLineError(topo("loss", "--filtration", "rips", "--input", pairs, "--sparse-distances", "--feature",
                "sum:dim=0"), 1, pairs, "not sparse distances");
    }

    @Test
    void engineRefusalNamesTheInput() throws IOException {
        String points = file("space.csv", "0 0 0\n1 0 0\n0 1 1\n");
        assertOneLineError(topo("diagram", "--filtration", "alpha", "--input", points), 1, points, "3-D points");
    }

    @Test
    void outputFileIsWrittenAndStdoutStaysEmpty() throws IOException {
        Path output = dir.resolve("bars.tsv");
        CliRun run = topo("diagram", "--filtration", "levelset", "--input", file("i.csv", IMAGE), "--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals("0\t0.0\tinf\n0\t1.0\t5.0\n0\t2.0\t4.0\n0\t3.0\t6.0\n1\t7.0\t9.0\n", Files.readString(output));
    }

    @Test
    void unwritableOutputFailsWithoutLeavingAFile() throws IOException {
        String output = dir.resolve("no-such-dir").resolve("bars.tsv").toString();
        CliRun run = topo("diagram", "--filtration", "levelset", "--input", "example:ring", "--output", output);
        assertOneLineError(run, 1, output, "cannot write");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    // ---- bad input: exit code 1, one line naming the file and the problem

    @Test
    void nanAndInfinityInCsv() throws IOException {
        String nan = file("nan.csv", "1,2\n3,NaN\n");
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", nan), 1, nan, "line 2", "NaN");
        String inf = file("inf.csv", "1 inf\n3 4\n");
        assertOneLineError(topo("diagram", "--filtration", "rips", "--input", inf), 1, inf, "line 1", "infinite");
        String values = file("values.txt", "0\n-Infinity\n");
        String complex = file("edge.txt", "0 1\n");
        assertOneLineError(topo("diagram", "--filtration", "complex", "--input", complex, "--values", values), 1,
                values, "line 2", "infinite");
    }

    @Test
    void raggedCsvRows() throws IOException {
        String ragged = file("ragged.csv", "1,2,3\n4,5\n");
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", ragged), 1,
                ragged, "line 2 has 2 values but line 1 has 3");
    }

    @Test
    void simplexNamingAVertexWithoutValue() throws IOException {
        String complex = file("complex.txt", "0 1 2\n2 3\n");
        String values = file("values.txt", "0\n1\n2\n");
        assertOneLineError(topo("diagram", "--filtration", "complex", "--input", complex, "--values", values), 1,
                complex, "line 2", "vertex 3 has no value", values);
    }

    @Test
    void missingAndUnreadableFiles() throws IOException {
        String missing = dir.resolve("missing.csv").toString();
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", missing), 1, missing, "no such file");
        Path locked = Files.writeString(dir.resolve("locked.csv"), "1 2\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as root: permissions are not enforced");
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", locked.toString()), 1,
                locked.toString(), "permission denied");
    }

    @Test
    void directoryAsInput() {
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", dir.toString()), 1,
                dir.toString(), "is a directory");
    }

    @Test
    void unknownExtension() throws IOException {
        String jpeg = file("photo.jpg", "not really");
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", jpeg), 1,
                jpeg, "unknown extension '.jpg'");
    }

    @Test
    void emptyFiles() throws IOException {
        for (String name : List.of("empty.csv", "empty.npy", "empty.png", "empty.pgm")) {
            String empty = file(name, "");
            assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", empty), 1, empty);
        }
        String emptyComplex = file("complex.txt", "");
        String values = file("values.txt", "1\n");
        assertOneLineError(topo("diagram", "--filtration", "complex", "--input", emptyComplex, "--values", values), 1,
                emptyComplex, "no simplices");
        String complex = file("point.txt", "0\n");
        String emptyValues = file("none.txt", "");
        assertOneLineError(topo("diagram", "--filtration", "complex", "--input", complex, "--values", emptyValues), 1,
                emptyValues, "no data");
    }

    @Test
    void exampleInTheWrongRole() {
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", "example:torus"), 1,
                "example:torus", "not an image");
    }

    @Test
    void debugAddsTheStackTrace() throws IOException {
        String ragged = file("ragged.csv", "1,2,3\n4,5\n");
        CliRun run = topo("diagram", "--filtration", "levelset", "--input", ragged, "--debug");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("topo diagram: " + ragged + ": ragged rows"), run.err());
        assertTrue(run.err().contains("\tat org.topolayer."), run.err());
    }

    // ---- memory budget: refused before the computation, with the estimate and a remedy that works

    @Test
    void aRipsOverTheMemoryBudgetIsRefusedWithAThresholdThatThenRuns() throws IOException {
        java.util.Random random = new java.util.Random(4);
        StringBuilder cloud = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            cloud.append(random.nextDouble()).append(',').append(random.nextDouble()).append('\n');
        }
        String points = file("cloud.csv", cloud.toString());
        CliRun refused = topo("diagram", "--filtration", "rips", "--input", points, "--maxdim", "2", "--memory-budget", "12m");
        assertOneLineError(refused, 1, points + ": Rips up to H2 of 600 points (about ", "(estimate), over the memory"
                + " budget of 12 MiB (--memory-budget 12m); use --threshold ");
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("--threshold ([0-9.]+)").matcher(refused.err());
        assertTrue(t.find());
        CliRun smaller = topo("diagram", "--filtration", "rips", "--input", points, "--maxdim", "2", "--memory-budget", "12m",
                "--threshold", t.group(1));
        assertEquals(0, smaller.exitCode(), smaller.err());
        assertTrue(smaller.out().startsWith("0\t0.0\t"), smaller.out());
    }

    @Test
    void anImageOverTheMemoryBudgetIsRefusedFromItsHeaderBeforeLoading() throws IOException {
        // a header declaring 20000×20000 float32 and no data: the budget refuses it before the reader would
        java.nio.file.Path npy = org.topolayer.io.NpyFiles.write(dir.resolve("huge.npy"), 1, "<f4", false, "(20000, 20000)",
                new byte[0]);
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", npy.toString()), 1,
                npy + ": level sets of a 20000×20000 grid needs about ", "downsample the input");
        assertOneLineError(topo("loss", "--filtration", "levelset", "--input", npy.toString(), "--feature", "sum:dim=0"), 1,
                npy + ": level sets of a 20000×20000 grid needs about ");
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", "example:ring", "--memory-budget", "lots"),
                2, "--memory-budget must be a size such as 512m, 2g or 1.5g (or auto), got 'lots'");
    }

    // ---- bad options: exit code 2, one line naming the option and the fix

    @Test
    void negativeMaxdim() {
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", "example:ring", "--maxdim", "-1"), 2,
                "--maxdim must be 0 or more, got -1");
    }

    @Test
    void complexWithoutValues() throws IOException {
        String complex = file("c.txt", "0 1\n");
        assertOneLineError(topo("diagram", "--filtration", "complex", "--input", complex), 2, "needs --values FILE");
    }

    @Test
    void optionsThatDoNotApplyToTheFiltration() {
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", "example:ring", "--threshold", "2"), 2,
                "--threshold does not apply to --filtration levelset", "remove it");
        assertOneLineError(topo("diagram", "--filtration", "rips", "--input", "example:circle", "--superlevel"), 2,
                "--superlevel does not apply to --filtration rips");
        assertOneLineError(topo("diagram", "--filtration", "alpha", "--input", "example:circle", "--superlevel"), 2,
                "--superlevel does not apply to --filtration alpha");
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", "example:ring", "--values", "v.txt"), 2,
                "--values does not apply");
        assertOneLineError(topo("diagram", "--filtration", "rips", "--input", "example:circle", "--alpha-mode", "exact"), 2,
                "--alpha-mode does not apply");
    }

    @Test
    void mistypedOptionsAndCommandsGetTheClosestName() {
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", "example:ring", "--maxdmi", "2"), 2,
                "Unknown options: '--maxdmi', '2'; did you mean '--maxdim'?");
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", "example:ring", "--superlevle"), 2,
                "did you mean '--superlevel'?");
        assertOneLineError(topo("diagarm", "--input", "x"), 2, "did you mean 'diagram'?");
        CliRun farOff = topo("diagram", "--filtration", "levelset", "--input", "example:ring", "--colour");
        assertFalse(farOff.err().contains("did you mean"), farOff.err());
    }

    @Test
    void badOptionValues() {
        assertOneLineError(topo("diagram", "--filtration", "morse", "--input", "x.csv"), 2,
                "--filtration", "expected one of levelset, cubical, rips, alpha, complex, got 'morse'");
        assertOneLineError(topo("diagram", "--filtration", "rips", "--input", "example:circle", "--threshold", "-1"), 2,
                "--threshold must be a distance > 0, got -1.0");
        assertOneLineError(topo("diagram", "--filtration", "rips", "--input", "example:circle", "--threshold", "0"), 2,
                "--threshold must be a distance > 0");
        assertOneLineError(topo("diagram", "--filtration", "rips", "--input", "example:circle", "--threshold", "NaN"), 2,
                "--threshold must be a distance > 0");
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", "example:ring", "--format", "xml"), 2,
                "--format", "tsv, json");
        assertOneLineError(topo("diagram", "--input", "example:ring"), 2, "--filtration");
        assertOneLineError(topo("diagram", "--filtration", "levelset", "--input", "example:ring", "--colour"), 2,
                "--colour");
        assertOneLineError(topo(), 2, "topo diagram");
    }

    @Test
    void helpListsTheExamples() {
        CliRun run = topo("diagram", "--help");
        assertEquals(0, run.exitCode());
        for (String example : List.of("example:ring", "example:circle", "example:torus")) {
            assertTrue(run.out().contains(example), example);
        }
    }
}
