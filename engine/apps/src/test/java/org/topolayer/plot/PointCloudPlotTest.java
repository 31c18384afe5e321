package org.topolayer.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Point clouds are drawn aspect-true: a unit is as long on screen along x as along y, whatever the chart's shape. */
class PointCloudPlotTest {
    @Test
    void oneUnitIsAsLongOnXAsOnY() {
        double[][] ellipseOfData = new double[40][];
        for (int i = 0; i < ellipseOfData.length; i++) {
            double t = 2 * Math.PI * i / ellipseOfData.length;
            ellipseOfData[i] = new double[] {3 * Math.cos(t), Math.sin(t)}; // 3:1 data in charts of other shapes
        }
        for (int[] size : new int[][] {{420, 440}, {800, 300}, {300, 700}}) {
            XYChart chart = PointCloudPlot.chart("t", ellipseOfData, List.of(), size[0], size[1]);
            BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            chart.paint(g, size[0], size[1]);
            g.dispose();
            double xUnit = chart.getScreenXFromChart(1) - chart.getScreenXFromChart(0);
            double yUnit = chart.getScreenYFromChart(0) - chart.getScreenYFromChart(1);
            assertEquals(1, xUnit / yUnit, 0.01, size[0] + "x" + size[1] + ": x " + xUnit + " px, y " + yUnit + " px per unit");
        }
    }
}
