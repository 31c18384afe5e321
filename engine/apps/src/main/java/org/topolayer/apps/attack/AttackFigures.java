package org.topolayer.apps.attack;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.topolayer.persistence.Diagram;
import org.topolayer.plot.Charts;
import org.topolayer.plot.DiagramPlot;
import org.topolayer.plot.Figure;
import org.topolayer.plot.ImageGrid;
import org.topolayer.plot.ImagePanel;
import org.topolayer.plot.Panel;

/** The PNG figures of {@code topo attack}: curves against ε, example images, diagrams before/after. */
final class AttackFigures {
    private static final int SCALE = 4;
    private static final int CHART_WIDTH = 480;
    private static final int PANEL_HEIGHT = 400;
    private static final int IMAGE_PANEL = 250;

    private AttackFigures() {}

    /**
     * A figure-per-attack line chart: value (accuracy or success rate) against ε per model, with the
     * ε = 0 point given by {@code atZero} when not null.
     */
    static void curves(Path file, String title, String yTitle, double[] eps, Map<String, double[]> byModel,
                       Map<String, Double> atZero) throws IOException {
        XYChart chart = Charts.chart(title, "epsilon", yTitle, 720, 480);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        for (Map.Entry<String, double[]> e : byModel.entrySet()) {
            int offset = atZero != null ? 1 : 0;
            double[] x = new double[eps.length + offset], y = new double[eps.length + offset];
            if (atZero != null) {
                y[0] = atZero.get(e.getKey());
            }
            for (int i = 0; i < eps.length; i++) {
                x[i + offset] = eps[i];
                y[i + offset] = e.getValue()[i];
            }
            Charts.line(chart, e.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        Charts.save(chart, file);
    }

    /** Success rate against the step budget (log scale) per model, for the until-success protocol. */
    static void budgetCurves(Path file, String title, Map<String, UntilSuccess.Summary> byModel) throws IOException {
        XYChart chart = Charts.chart(title, "gradient steps (budget)", "success rate", 720, 480);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisLogarithmic(true);
        for (Map.Entry<String, UntilSuccess.Summary> e : byModel.entrySet()) {
            List<UntilSuccess.Budget> curve = e.getValue().curve();
            double[] x = curve.stream().mapToDouble(UntilSuccess.Budget::steps).toArray();
            double[] y = curve.stream().mapToDouble(UntilSuccess.Budget::successRate).toArray();
            Charts.line(chart, e.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        Charts.save(chart, file);
    }

    /**
     * The paper's Figure 15 for one model: row i = source class, column j = target class, the
     * attacked image in each cell with a red frame where the attack reached j (the clean image,
     * grey frame, on the diagonal).
     */
    static void grid(Path file, String title, int height, int width, String[] classNames, SourceTargetGrid grid)
            throws IOException {
        int scale = 2, pad = 6, cell = width * scale + 2 * pad, label = 110, top = 56, classes = classNames.length;
        BufferedImage out = new BufferedImage(label + classes * cell, top + classes * (height * scale + 2 * pad),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString(title, 4, 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.drawString("source \\ target", 4, top - 6);
        for (int j = 0; j < classes; j++) {
            g.drawString(shortName(classNames[j]), label + j * cell + 2, top - 6);
        }
        for (int i = 0; i < classes; i++) {
            int y0 = top + i * (height * scale + 2 * pad);
            g.setColor(Color.BLACK);
            g.drawString(classNames[i], 4, y0 + pad + height * scale / 2 + 4);
            for (int j = 0; j < classes; j++) {
                double[] image = grid.cells()[i][j];
                if (image == null) {
                    continue;
                }
                int x0 = label + j * cell;
                Color frame = i == j ? Color.GRAY : grid.success()[i][j] ? Color.RED : null;
                if (frame != null) {
                    g.setColor(frame);
                    g.fillRect(x0 + pad - 3, y0 + pad - 3, width * scale + 6, height * scale + 6);
                }
                g.drawImage(gray(image, height, width, 0, 1, scale), x0 + pad, y0 + pad, null);
            }
        }
        g.dispose();
        ImageGrid.writePng(file, out);
    }

    private static String shortName(String name) {
        return name.length() <= 9 ? name : name.substring(0, 8) + ".";
    }

    /** One labelled row of images. */
    record Row(String label, double[][] images, double lo, double hi) {
    }

    /** Rows of images (same count each), a label left of every row and captions above the columns. */
    static void imageRows(Path file, int height, int width, List<String> captions, List<Row> rows) throws IOException {
        int labelWidth = 150, cell = width * SCALE + 16, captionHeight = 30;
        int columns = rows.get(0).images().length;
        BufferedImage out = new BufferedImage(labelWidth + columns * cell, captionHeight + rows.size() * (height * SCALE + 6),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.BLACK);
        for (int c = 0; c < captions.size() && c < columns; c++) {
            String[] lines = captions.get(c).split("\n");
            for (int l = 0; l < lines.length && l < 2; l++) {
                g.drawString(lines[l], labelWidth + c * cell, 12 + 13 * l);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int y0 = captionHeight + r * (height * SCALE + 6);
            g.setColor(Color.BLACK);
            g.drawString(row.label(), 4, y0 + height * SCALE / 2 + 4);
            for (int c = 0; c < row.images().length; c++) {
                g.drawImage(gray(row.images()[c], height, width, row.lo(), row.hi(), SCALE), labelWidth + c * cell, y0, null);
            }
        }
        g.dispose();
        ImageGrid.writePng(file, out);
    }

    /**
     * One example's panel: the clean and adversarial images, then the diagrams (H0 and H1, clean
     * and adversarial) of each given filtration.
     */
    static void diagramPanel(Path file, int height, int width, double[] clean, double[] adversarial, String cleanCaption,
                             String adversarialCaption, List<String> filtrationTitles, List<List<Diagram>> cleanDiagrams,
                             List<List<Diagram>> adversarialDiagrams) throws IOException {
        List<Panel> panels = new ArrayList<>();
        panels.add(ImagePanel.of(cleanCaption, clean, height, width, 0, 1, IMAGE_PANEL, PANEL_HEIGHT));
        panels.add(ImagePanel.of(adversarialCaption, adversarial, height, width, 0, 1, IMAGE_PANEL, PANEL_HEIGHT));
        for (int f = 0; f < filtrationTitles.size(); f++) {
            List<DiagramPlot.Series> series = List.of(
                    DiagramPlot.Series.of("H0", cleanDiagrams.get(f).get(0)),
                    DiagramPlot.Series.of("H1", cleanDiagrams.get(f).get(1)),
                    DiagramPlot.Series.of("H0 adv", adversarialDiagrams.get(f).get(0)),
                    DiagramPlot.Series.of("H1 adv", adversarialDiagrams.get(f).get(1)));
            panels.add(Panel.of(DiagramPlot.chart(filtrationTitles.get(f), series, CHART_WIDTH, PANEL_HEIGHT)));
        }
        Figure.row(panels).save(file);
    }

    private static BufferedImage gray(double[] image, int height, int width, double lo, double hi, int scale) {
        BufferedImage out = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < height * scale; r++) {
            for (int c = 0; c < width * scale; c++) {
                double v = (image[(r / scale) * width + c / scale] - lo) / (hi - lo);
                int level = (int) Math.round(255 * Math.min(1, Math.max(0, v)));
                out.setRGB(c, r, (level << 16) | (level << 8) | level);
            }
        }
        return out;
    }
}
