package org.topolayer.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.topolayer.filtration.ValueModel;

/**
 * A grayscale image (row-major, {@code height × width}, black at {@code lo}, white at {@code hi})
 * scaled to fit the panel below a title (lines separated by '\n'), optionally with the critical pixels of marked level-set
 * bars: a filled dot where the bar is born, a square where it dies, joined by a thin line and
 * labelled with the bar's rank, in the colour of its dimension.
 */
public final class ImagePanel implements Panel {
    private static final int TITLE_LINE = 18;
    private static final int LEGEND_HEIGHT = 22;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font TEXT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final String title;
    private final double[] values;
    private final int rows;
    private final int columns;
    private final double lo;
    private final double hi;
    private final List<MarkedBars.Bar> marked;
    private final List<MarkedBars.Representative> representatives;
    private final int width;
    private final int height;

    private ImagePanel(String title, double[] values, int rows, int columns, double lo, double hi,
                       List<MarkedBars.Bar> marked, List<MarkedBars.Representative> representatives, int width,
                       int height) {
        if (values.length != rows * columns) {
            throw new IllegalArgumentException(values.length + " values for a " + rows + "x" + columns + " image");
        }
        for (MarkedBars.Bar bar : marked) {
            if (bar.model() != ValueModel.VERTEX_VALUE) {
                throw new IllegalArgumentException("image marks need level-set bars (one pixel per value), got "
                        + bar.model());
            }
        }
        this.title = title;
        this.values = values;
        this.rows = rows;
        this.columns = columns;
        this.lo = lo;
        this.hi = hi;
        this.marked = List.copyOf(marked);
        this.representatives = List.copyOf(representatives);
        this.width = width;
        this.height = height;
    }

    /** The image in a width × height panel, gray levels spanning the image's own range. */
    public static ImagePanel of(String title, double[] values, int rows, int columns, int width, int height) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new ImagePanel(title, values, rows, columns, lo, hi, List.of(), List.of(), width, height);
    }

    /** The image with gray levels spanning [lo, hi] (e.g. [0, 1] to compare images). */
    public static ImagePanel of(String title, double[] values, int rows, int columns, double lo, double hi,
                                int width, int height) {
        return new ImagePanel(title, values, rows, columns, lo, hi, List.of(), List.of(), width, height);
    }

    /** The same image with these level-set bars' critical pixels marked. */
    public ImagePanel withMarks(List<MarkedBars.Bar> bars) {
        return new ImagePanel(title, values, rows, columns, lo, hi, bars, representatives, width, height);
    }

    /**
     * The same image with these representatives drawn under the marks: every edge of their
     * simplices as a line between pixel centres (vertices are row-major pixel indices), in the
     * colour of the bar's dimension, labelled with the bar's rank.
     */
    public ImagePanel withRepresentatives(List<MarkedBars.Representative> chains) {
        return new ImagePanel(title, values, rows, columns, lo, hi, marked, chains, width, height);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(TITLE_FONT);
        String[] lines = title.split("\n");
        for (int l = 0; l < lines.length; l++) {
            int lineWidth = g.getFontMetrics().stringWidth(lines[l]);
            g.drawString(lines[l], Math.max(4, (width - lineWidth) / 2), 19 + l * TITLE_LINE);
        }
        int top = 10 + lines.length * TITLE_LINE;
        int legend = marked.isEmpty() && representatives.isEmpty() ? 0 : LEGEND_HEIGHT;
        double cell = Math.min((width - 16.0) / columns, (height - top - legend - 8.0) / rows);
        double x0 = (width - cell * columns) / 2, y0 = top + (height - top - legend - cell * rows) / 2;
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(gray(), (int) Math.round(x0), (int) Math.round(y0), (int) Math.round(cell * columns),
                (int) Math.round(cell * rows), null);
        if (!representatives.isEmpty()) {
            paintRepresentatives(g, x0, y0, cell);
        }
        if (!marked.isEmpty()) {
            paintMarks(g, x0, y0, cell);
        }
        if (!marked.isEmpty() || !representatives.isEmpty()) {
            paintLegend(g);
        }
    }

    private void paintRepresentatives(Graphics2D g, double x0, double y0, double cell) {
        float width = (float) Math.max(2, Math.min(5, 0.3 * cell));
        g.setFont(TEXT_FONT.deriveFont(Font.BOLD));
        for (MarkedBars.Representative chain : representatives) {
            Color color = Charts.color(chain.dimension());
            Color translucent = new Color(color.getRed(), color.getGreen(), color.getBlue(), 200);
            double labelX = Double.NEGATIVE_INFINITY, labelY = 0;
            for (int[] simplex : chain.simplices()) {
                for (int a = 0; a < simplex.length; a++) {
                    for (int b = a + 1; b < simplex.length; b++) {
                        double[] p = centre(new int[] {simplex[a]}, x0, y0, cell);
                        double[] q = centre(new int[] {simplex[b]}, x0, y0, cell);
                        g.setColor(Color.WHITE);
                        g.setStroke(new BasicStroke(width + 2, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                        g.draw(new Line2D.Double(p[0], p[1], q[0], q[1]));
                        g.setColor(translucent);
                        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                        g.draw(new Line2D.Double(p[0], p[1], q[0], q[1]));
                        if (p[0] > labelX) { // label at the rightmost point of the chain
                            labelX = p[0];
                            labelY = p[1];
                        }
                    }
                }
            }
            if (labelX > Double.NEGATIVE_INFINITY) {
                g.setColor(color.darker());
                g.drawString("#" + chain.rank(), (float) (labelX + width + 3), (float) labelY);
            }
        }
    }

    private BufferedImage gray() {
        BufferedImage image = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
        double range = hi > lo ? hi - lo : 1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double v = (values[r * columns + c] - lo) / range;
                image.getRaster().setSample(c, r, 0, (int) Math.round(255 * Math.min(1, Math.max(0, v))));
            }
        }
        return image;
    }

    private void paintMarks(Graphics2D g, double x0, double y0, double cell) {
        double size = Math.max(7, Math.min(16, 0.8 * cell));
        g.setFont(TEXT_FONT.deriveFont(Font.BOLD));
        for (MarkedBars.Bar bar : marked) {
            Color color = Charts.color(bar.dimension());
            double[] birth = centre(bar.birthSources(), x0, y0, cell);
            double[] death = centre(bar.deathSources(), x0, y0, cell);
            if (birth != null && death != null) {
                g.setColor(color);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(new Line2D.Double(birth[0], birth[1], death[0], death[1]));
            }
            if (death != null) {
                Rectangle2D square = new Rectangle2D.Double(death[0] - size / 2, death[1] - size / 2, size, size);
                outlined(g, square, color, false);
            }
            if (birth != null) {
                outlined(g, new Ellipse2D.Double(birth[0] - size / 2, birth[1] - size / 2, size, size), color, true);
                g.setColor(color.darker());
                g.drawString(String.valueOf(bar.rank()), (float) (birth[0] + size * 0.7), (float) (birth[1] - size * 0.4));
            }
        }
    }

    /** A shape in the bar's colour with a white edge, so marks show on dark and bright pixels alike. */
    private static void outlined(Graphics2D g, java.awt.Shape shape, Color color, boolean filled) {
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(filled ? 3f : 4.5f));
        g.draw(shape);
        g.setColor(color);
        g.setStroke(new BasicStroke(2.5f));
        if (filled) {
            g.fill(shape);
        } else {
            g.draw(shape);
        }
    }

    private double[] centre(int[] sources, double x0, double y0, double cell) {
        if (sources.length == 0) {
            return null;
        }
        int pixel = sources[0];
        return new double[] {x0 + (pixel % columns + 0.5) * cell, y0 + (pixel / columns + 0.5) * cell};
    }

    private void paintLegend(Graphics2D g) {
        g.setFont(TEXT_FONT);
        int y = height - 7, x = 8;
        g.setColor(Color.BLACK);
        String text = marked.isEmpty() ? "lines: representatives, #n: rank"
                : representatives.isEmpty() ? "dot: birth pixel, square: death pixel, n: rank"
                : "dot: birth, square: death, lines: representative";
        g.drawString(text, x, y);
        x += g.getFontMetrics().stringWidth(text) + 6;
        int maxDimension = Math.max(marked.stream().mapToInt(MarkedBars.Bar::dimension).max().orElse(0),
                representatives.stream().mapToInt(MarkedBars.Representative::dimension).max().orElse(0));
        for (int d = 0; d <= maxDimension; d++) {
            g.setColor(Charts.color(d));
            g.drawString("H" + d, x, y);
            x += g.getFontMetrics().stringWidth("H" + d) + 6;
        }
    }
}
