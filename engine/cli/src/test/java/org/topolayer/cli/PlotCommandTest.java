package org.topolayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topolayer.cli.CliRun.topo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.io.ArrayWriter;

/** {@code topo plot}: the figure's panels for each kind of input, and the one-line errors. */
class PlotCommandTest {
    @TempDir
    Path dir;

    private BufferedImage plotted(String... args) throws IOException {
        CliRun run = topo(args);
        assertEquals(0, run.exitCode(), run.err());
        Path output = Path.of(args[java.util.Arrays.asList(args).indexOf("--output") + 1]);
        assertEquals("topo plot: wrote " + output + "\n", run.out());
        return ImageIO.read(output.toFile());
    }

    @Test
    void imageGivesDiagramBarcodeAndMarkedInputSideBySide() throws IOException {
        String out = dir.resolve("ring.png").toString();
        BufferedImage image = plotted("plot", "--filtration", "levelset", "--input", "example:ring", "--superlevel",
                "--output", out);
        assertEquals(3 * 480, image.getWidth());
        assertEquals(480, image.getHeight());
    }

    @Test
    void chosenPanelsAndSize() throws IOException {
        String out = dir.resolve("circle.png").toString();
        BufferedImage image = plotted("plot", "--filtration", "alpha", "--input", "example:circle", "--panels",
                "input,diagram", "--size", "300", "--output", out);
        assertEquals(600, image.getWidth());
        assertEquals(300, image.getHeight());
    }

    @Test
    void pointCloudAsSvg() throws IOException {
        Path out = dir.resolve("circle.svg");
        CliRun run = topo("plot", "--filtration", "rips", "--input", "example:circle", "--marked", "1", "--output",
                out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(out).contains("<svg"));
    }

    @Test
    void representativesOnImagesAndPointCloudsAndTheirOneLineErrors() throws IOException {
        for (String[] input : new String[][] {{"levelset", "example:ring", "--superlevel"},
            {"rips", "example:circle", "--cocycles"}, {"alpha", "example:circle", "--marked"}}) {
            String out = dir.resolve(input[0] + ".png").toString();
            String[] args = {"plot", "--filtration", input[0], "--input", input[1], input[2], "--representatives", "2",
                "--output", out};
            if (input[2].equals("--marked")) {
                args = new String[] {"plot", "--filtration", input[0], "--input", input[1], "--marked", "0",
                    "--representatives", "2", "--output", out};
            }
            assertEquals(3 * 480, plotted(args).getWidth());
        }
        String out = dir.resolve("x.png").toString();
        topo("plot", "--filtration", "rips", "--input", "example:circle", "--representatives", "0", "--output", out)
                .assertOneLineError(2, "--representatives must be 1 or more");
        topo("plot", "--filtration", "rips", "--input", "example:circle", "--cocycles", "--output", out)
                .assertOneLineError(2, "--cocycles", "--representatives N");
        topo("plot", "--filtration", "cubical", "--input", "example:ring", "--representatives", "1", "--output", out)
                .assertOneLineError(2, "--filtration cubical", "--filtration levelset");
        topo("plot", "--filtration", "complex", "--input", "example:torus", "--representatives", "1", "--output", out)
                .assertOneLineError(2, "no picture", "topo diagram --representatives");
        Path tsv = dir.resolve("bars.tsv");
        assertEquals(0, topo("diagram", "--filtration", "rips", "--input", "example:circle", "--representatives",
                "--output", tsv.toString()).exitCode());
        topo("plot", "--diagram", tsv.toString(), "--representatives", "1", "--output", out)
                .assertOneLineError(2, "--representatives does not apply to --diagram");
        assertEquals(2 * 480, plotted("plot", "--diagram", tsv.toString(), "--output", out).getWidth());
    }

    @Test
    void diagramTsvGivesDiagramAndBarcode() throws IOException {
        Path tsv = dir.resolve("bars.tsv");
        assertEquals(0, topo("diagram", "--filtration", "rips", "--input", "example:circle", "--output",
                tsv.toString()).exitCode());
        BufferedImage image = plotted("plot", "--diagram", tsv.toString(), "--output", dir.resolve("b.png").toString());
        assertEquals(2 * 480, image.getWidth());
    }

    @Test
    void complexAndSignalInputs() throws IOException {
        BufferedImage torus = plotted("plot", "--filtration", "complex", "--input", "example:torus", "--output",
                dir.resolve("torus.png").toString());
        assertEquals(2 * 480, torus.getWidth()); // a complex has no picture: diagram and barcode
        Path signal = Files.writeString(dir.resolve("signal.csv"), "0\n3\n1\n4\n2\n");
        BufferedImage line = plotted("plot", "--filtration", "levelset", "--input", signal.toString(), "--output",
                dir.resolve("signal.png").toString());
        assertEquals(3 * 480, line.getWidth());
    }

    @Test
    void badOptionsAndInputsAreOneLineErrors() throws IOException {
        String png = dir.resolve("x.png").toString();
        Path tsv = Files.writeString(dir.resolve("bars.tsv"), "0\t0.0\tinf\n1\t0.5\n");
        topo("plot", "--diagram", tsv.toString(), "--output", dir.resolve("x.pdf").toString())
                .assertOneLineError(2, "--output", ".png or .svg");
        topo("plot", "--diagram", tsv.toString(), "--maxdim", "2", "--output", png)
                .assertOneLineError(2, "--maxdim does not apply to --diagram");
        topo("plot", "--diagram", tsv.toString(), "--panels", "input", "--output", png)
                .assertOneLineError(2, "--panels input", "no input to draw");
        topo("plot", "--diagram", tsv.toString(), "--output", png).assertOneLineError(1, tsv.toString(), "line 2");
        topo("plot", "--filtration", "complex", "--input", "example:torus", "--panels", "input", "--output", png)
                .assertOneLineError(2, "complex has no picture");
        topo("plot", "--filtration", "levelset", "--input", "example:ring", "--marked", "-1", "--output", png)
                .assertOneLineError(2, "--marked");
        Path volume = dir.resolve("volume.npy");
        ArrayWriter.writeNpy(volume, new double[8], new int[] {2, 2, 2});
        topo("plot", "--filtration", "levelset", "--input", volume.toString(), "--panels", "input", "--output", png)
                .assertOneLineError(1, volume.toString(), "3-D volume");
        assertTrue(Files.notExists(Path.of(png)));
    }
}
