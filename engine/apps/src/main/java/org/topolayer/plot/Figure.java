package org.topolayer.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.topolayer.io.AtomicFiles;

/**
 * Panels laid out in a grid ({@code columns} per row; each column as wide as its widest panel,
 * each row as high as its highest) on a white background, rendered to a PNG or SVG file (chosen by the file's extension, written
 * atomically) or to an image for a notebook to display.
 */
public final class Figure {
    private final List<Panel> panels;
    private final int columns;
    private final int[] columnX; // left edge of each column, then the total width
    private final int[] rowY; // top edge of each row, then the total height

    private Figure(List<Panel> panels, int columns) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("no panels to draw");
        }
        this.panels = List.copyOf(panels);
        this.columns = Math.max(1, Math.min(columns, panels.size()));
        int rows = (panels.size() + this.columns - 1) / this.columns;
        columnX = new int[this.columns + 1];
        rowY = new int[rows + 1];
        for (int i = 0; i < panels.size(); i++) {
            int c = i % this.columns, r = i / this.columns;
            columnX[c + 1] = Math.max(columnX[c + 1], panels.get(i).width());
            rowY[r + 1] = Math.max(rowY[r + 1], panels.get(i).height());
        }
        java.util.Arrays.parallelPrefix(columnX, Integer::sum);
        java.util.Arrays.parallelPrefix(rowY, Integer::sum);
    }

    public static Figure of(List<Panel> panels, int columns) {
        return new Figure(panels, columns);
    }

    /** All panels in one row. */
    public static Figure row(List<Panel> panels) {
        return new Figure(panels, panels.size());
    }

    public int width() {
        return columnX[columnX.length - 1];
    }

    public int height() {
        return rowY[rowY.length - 1];
    }

    /** The figure as an image (what a notebook displays). */
    public BufferedImage image() {
        BufferedImage out = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        paint(g);
        g.dispose();
        return out;
    }

    /** Writes the figure as PNG, or as SVG when the file name ends in .svg (atomically). */
    public void save(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            VectorGraphics2D g = new VectorGraphics2D();
            paint(g);
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width(), height())).writeTo(svg);
            AtomicFiles.write(file, svg.toByteArray());
        } else {
            ImageGrid.writePng(file, image());
        }
    }

    private void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        for (int i = 0; i < panels.size(); i++) {
            Panel panel = panels.get(i);
            // centred in its cell; create() gives the panel its own origin and clip
            int c = i % columns, r = i / columns;
            int x = columnX[c] + (columnX[c + 1] - columnX[c] - panel.width()) / 2;
            int y = rowY[r] + (rowY[r + 1] - rowY[r] - panel.height()) / 2;
            Graphics2D cell = (Graphics2D) g.create(x, y, panel.width(), panel.height());
            panel.paint(cell);
            cell.dispose();
        }
    }
}
