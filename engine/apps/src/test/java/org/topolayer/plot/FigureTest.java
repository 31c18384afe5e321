package org.topolayer.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.topolayer.compute.FiltrationSpec;
import org.topolayer.filtration.LevelSet;
import org.topolayer.io.Grid;
import org.topolayer.io.Inputs;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.grid.LevelSetPersistence;
import org.topolayer.persistence.representatives.RepresentedDiagrams;

class FigureTest {
    @TempDir
    Path dir;

    private static Panel chart(int width, int height) {
        XYChart c = Charts.chart("t", "x", "y", width, height);
        Charts.line(c, "s", new double[] {0, 1}, new double[] {0, 1});
        return Panel.of(c);
    }

    @Test
    void gridColumnsAndRowsAreSizedByTheirLargestPanel() {
        Figure figure = Figure.of(List.of(chart(300, 200), chart(200, 100), chart(250, 150)), 2);
        BufferedImage image = figure.image();
        assertEquals(300 + 200, image.getWidth());
        assertEquals(200 + 150, image.getHeight());
        assertEquals(700, Figure.row(List.of(chart(300, 200), chart(100, 200), chart(300, 100))).width());
    }

    @Test
    void svgAndPngByExtensionWithNoTemporaryFilesLeft() throws IOException {
        Figure figure = Figure.row(List.of(chart(300, 200)));
        figure.save(dir.resolve("f.svg"));
        figure.save(dir.resolve("f.png"));
        String svg = Files.readString(dir.resolve("f.svg"));
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        byte[] png = Files.readAllBytes(dir.resolve("f.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void imageMarksArePaintedInTheColourOfTheirDimension() throws IOException {
        Grid ring = Inputs.grid("example:ring");
        PersistenceDiagrams diagrams = LevelSetPersistence.compute(ring.values(), ring.shape(), 1, LevelSet.SUPERLEVEL);
        ImagePanel plain = ImagePanel.of("ring", ring.values(), 64, 64, 400, 400);
        ImagePanel marked = plain.withMarks(MarkedBars.longest(diagrams, 1));
        for (int dim = 0; dim <= 1; dim++) {
            int rgb = Charts.color(dim).getRGB();
            assertEquals(0, count(Figure.row(List.of(plain)).image(), rgb), "no H" + dim + " colour unmarked");
            assertTrue(count(Figure.row(List.of(marked)).image(), rgb) > 20, "H" + dim + " mark painted");
        }
    }

    @Test
    void representativesArePaintedAlongTheRingAndNotElsewhere() throws IOException {
        Grid ring = Inputs.grid("example:ring");
        RepresentedDiagrams represented = FiltrationSpec.levelSet(LevelSet.SUPERLEVEL, 1)
                .computeWithRepresentatives(ring.values(), ring.shape(), null);
        ImagePanel plain = ImagePanel.of("ring", ring.values(), 64, 64, 400, 400);
        ImagePanel drawn = plain.withRepresentatives(MarkedBars.representatives(represented, 1));
        BufferedImage image = Figure.row(List.of(drawn)).image();
        assertEquals(0, countOrange(Figure.row(List.of(plain)).image(), 0, 400));
        int painted = countOrange(image, 0, 400);
        assertTrue(painted > 300, painted + " pixels of the loop painted");
        // the hole (radius under 10 pixels of 64 around the centre, about 60 panel pixels) is not crossed
        int inside = 0;
        for (int y = 200; y < 260; y++) {
            for (int x = 170; x < 230; x++) {
                inside += isOrange(image.getRGB(x, y)) ? 1 : 0;
            }
        }
        assertEquals(0, inside);
    }

    private static int countOrange(BufferedImage image, int from, int to) {
        int n = 0;
        for (int y = from; y < Math.min(to, image.getHeight()); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += isOrange(image.getRGB(x, y)) ? 1 : 0;
            }
        }
        return n;
    }

    /** Near the H1 colour (0xff7f0e) blended on gray or white. */
    private static boolean isOrange(int rgb) {
        int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
        return r > 200 && g > 90 && g < 170 && b < 90;
    }

    @Test
    void longBarcodesShowTheirLongestBars() {
        int n = Barcode.MAX_BARS + 50;
        double[] births = new double[n], deaths = new double[n];
        for (int i = 0; i < n; i++) {
            deaths[i] = i + 1;
        }
        XYChart chart = Barcode.chart("b", List.of(new DiagramPlot.Series("H0", births, deaths)), List.of(), 400, 400);
        assertTrue(chart.getSeriesMap().containsKey("H0 (" + Barcode.MAX_BARS + " longest of " + n + ")"),
                chart.getSeriesMap().keySet().toString());
        // the shortest shown is bar 50 (length 51): its segment ends at 51
        double[] x = chart.getSeriesMap().values().iterator().next().getXData();
        assertEquals(51.0, java.util.Arrays.stream(x).filter(v -> v > 0).min().orElseThrow());
    }

    private static int count(BufferedImage image, int rgb) {
        int c = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                c += (image.getRGB(x, y) | 0xff000000) == (rgb | 0xff000000) ? 1 : 0;
            }
        }
        return c;
    }
}
