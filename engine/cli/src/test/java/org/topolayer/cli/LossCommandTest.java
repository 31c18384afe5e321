package org.topolayer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topolayer.cli.CliRun.topo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.features.TopKBarcodeLengths;
import org.topolayer.io.ArrayWriter;
import org.topolayer.io.Grid;
import org.topolayer.io.Inputs;
import org.topolayer.layer.RipsLayer;
import org.topolayer.loss.TopologicalLoss;

/** {@code topo loss} run in-process: the printed value, the gradient file in the input's format, and errors. */
class LossCommandTest {
    /** Sublevel bars: H0 (0, ∞), (1, 5), (2, 4), (3, 6); H1 (7, 9). */
    private static final String IMAGE = "1 5 2\n6 9 4\n3 7 0\n";

    @TempDir
    Path dir;

    private String file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void weightedSumOfFeaturesAndItsGradientAsCsvRows() throws IOException {
        Path grad = dir.resolve("grad.csv");
        CliRun run = topo("loss", "--filtration", "levelset", "--input", file("image.csv", IMAGE), "--feature", "sum:dim=0",
                "--feature", "sum:dim=1,weight=2", "--gradient-output", grad.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("13.0\n", run.out()); // (4 + 2 + 3) + 2 × 2
        // each finite birth pixel gets −weight, each death pixel +weight
        assertEquals("-1.0,1.0,-1.0\n1.0,2.0,1.0\n-1.0,-2.0,0.0\n", Files.readString(grad));
    }

    @Test
    void everyFeatureNameAndSuperlevel() throws IOException {
        String image = file("image.csv", IMAGE);
        assertEquals("5.0\n", topo("loss", "--filtration", "levelset", "--input", image, "--feature", "partialsum:dim=0,skip=1").out());
        assertEquals("-7.0\n", topo("loss", "--filtration", "levelset", "--input", image, "--feature", "topk:k=2,weight=-1").out());
        // poly p=1, q=0 is the sum of lengths
        assertEquals("9.0\n", topo("loss", "--filtration", "levelset", "--input", image, "--feature", "poly:p=1,q=0").out());
        // superlevel: 9 is the only local maximum (every pixel touches the centre), so H0 has no finite bar
        assertEquals("0.0\n", topo("loss", "--filtration", "levelset", "--input", image, "--superlevel",
                "--feature", "sum:dim=0").out());
    }

    @Test
    void npyInputGivesNpyGradientOfTheSameShape() throws IOException {
        Path input = dir.resolve("image.npy");
        ArrayWriter.writeNpy(input, new double[] {1, 5, 2, 6, 9, 4, 3, 7, 0}, new int[] {3, 3});
        Path grad = dir.resolve("grad.npy");
        CliRun run = topo("loss", "--filtration", "levelset", "--input", input.toString(), "--feature", "sum:dim=0",
                "--gradient-output", grad.toString());
        assertEquals(0, run.exitCode(), run.err());
        Grid g = Inputs.storedGrid(grad.toString());
        assertArrayEquals(new int[] {3, 3}, g.shape());
        assertArrayEquals(new double[] {-1, 1, -1, 1, 0, 1, -1, 0, 0}, g.values());
    }

    @Test
    void aOneRowSignalKeepsItsRow() throws IOException {
        Path grad = dir.resolve("grad.csv");
        CliRun run = topo("loss", "--filtration", "levelset", "--input", file("signal.csv", "3,1,4,0,5\n"), "--maxdim", "0",
                "--feature", "sum", "--gradient-output", grad.toString());
        assertEquals("3.0\n", run.out(), run.err()); // bar (1, 4)
        assertEquals("0.0,-1.0,1.0,0.0,0.0\n", Files.readString(grad));
    }

    @Test
    void complexGradientHasOneValuePerVertex() throws IOException {
        String complex = file("complex.txt", "0 1\n1 2\n2 3\n");
        String values = file("values.txt", "3\n1\n4\n0\n");
        Path grad = dir.resolve("grad.txt");
        CliRun run = topo("loss", "--filtration", "complex", "--input", complex, "--values", values, "--maxdim", "0",
                "--feature", "sum:dim=0", "--gradient-output", grad.toString());
        assertEquals("3.0\n", run.out(), run.err()); // bar (1, 4)
        assertEquals("0.0\n-1.0\n1.0\n0.0\n", Files.readString(grad));
    }

    /**
     * The projective plane with vertex k at value k: over Z/3 an H1 bar (3, 5), born at vertex 3
     * and killed at vertex 5; over Z/2 that class never dies (and is left out of the sum).
     */
    @Test
    void coefficientsChangeTheLossAndItsGradient() throws IOException {
        String rp2 = file("rp2.txt", "0 1 2\n0 2 3\n0 3 4\n0 4 5\n0 1 5\n1 2 4\n2 3 5\n1 3 4\n2 4 5\n1 3 5\n");
        String values = file("values.txt", "0\n1\n2\n3\n4\n5\n");
        Path grad = dir.resolve("grad-z3.txt");
        CliRun z3 = topo("loss", "--filtration", "complex", "--input", rp2, "--values", values, "--maxdim", "1",
                "--feature", "sum:dim=1", "--coeff", "3", "--gradient-output", grad.toString());
        assertEquals("2.0\n", z3.out(), z3.err());
        assertEquals("0.0\n0.0\n0.0\n-1.0\n0.0\n1.0\n", Files.readString(grad));
        CliRun z2 = topo("loss", "--filtration", "complex", "--input", rp2, "--values", values, "--maxdim", "1",
                "--feature", "sum:dim=1");
        assertEquals("0.0\n", z2.out(), z2.err());
    }

    @Test
    void pointCloudGradientMatchesTheLibrary() throws IOException {
        String points = "0,0\n1,0\n1.1,0.9\n0,1.05\n2.5,0.3\n";
        Path grad = dir.resolve("grad.csv");
        CliRun run = topo("loss", "--filtration", "rips", "--input", file("points.csv", points), "--feature", "topk:dim=1,k=1",
                "--gradient-output", grad.toString());
        assertEquals(0, run.exitCode(), run.err());
        double[] flat = {0, 0, 1, 0, 1.1, 0.9, 0, 1.05, 2.5, 0.3};
        TopologicalLoss.Result expected = TopologicalLoss.of(RipsLayer.ofPoints(1), new TopKBarcodeLengths(1, 1))
                .evaluate(flat, new int[] {5, 2});
        assertEquals(Double.toString(expected.value()) + "\n", run.out());
        List<String> rows = Files.readAllLines(grad);
        assertEquals(5, rows.size());
        assertEquals(expected.gradient()[0] + "," + expected.gradient()[1], rows.get(0));
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        String image = file("image.csv", IMAGE);
        assertUsageError(topo("loss", "--filtration", "levelset", "--input", image), "--feature");
        assertUsageError(topo("loss", "--filtration", "levelset", "--input", image, "--feature", "max:dim=0"),
                "unknown feature 'max'");
        assertUsageError(topo("loss", "--filtration", "levelset", "--input", image, "--feature", "sum:dim=2"),
                "reads H2 but --maxdim is 1");
        assertUsageError(topo("loss", "--filtration", "levelset", "--input", image, "--threshold", "1", "--feature", "sum"),
                "--threshold does not apply");
    }

    @Test
    void badInputIsOneLineNamingTheFile() throws IOException {
        String image = file("image.csv", "1 2\nnan 4\n");
        CliRun run = topo("loss", "--filtration", "levelset", "--input", image, "--feature", "sum");
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("topo loss: ") && run.err().contains(image), run.err());
        assertEquals(1, run.err().lines().count(), run.err());

        CliRun unwritable = topo("loss", "--filtration", "levelset", "--input", file("ok.csv", IMAGE), "--feature", "sum",
                "--gradient-output", dir.resolve("missing/grad.csv").toString());
        assertEquals(1, unwritable.exitCode());
        assertEquals("", unwritable.out(), "no value printed when the gradient could not be written");
        assertTrue(unwritable.err().contains("cannot write"), unwritable.err());
    }

    private static void assertUsageError(CliRun run, String mention) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().contains(mention), "'" + mention + "' in: " + run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }
}
