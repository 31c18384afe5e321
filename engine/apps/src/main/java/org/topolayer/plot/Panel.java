package org.topolayer.plot;

import java.awt.Graphics2D;
import org.knowm.xchart.XYChart;

/**
 * One rectangle of a {@link Figure}: a chart, or an image with marks, that paints itself into a
 * {@code width() × height()} box whose top-left corner is the origin of the graphics it is given.
 */
public interface Panel {
    int width();

    int height();

    void paint(Graphics2D g);

    /** An XChart chart as a panel, at the chart's own size. */
    static Panel of(XYChart chart) {
        return new Panel() {
            @Override
            public int width() {
                return chart.getWidth();
            }

            @Override
            public int height() {
                return chart.getHeight();
            }

            @Override
            public void paint(Graphics2D g) {
                chart.paint(g, chart.getWidth(), chart.getHeight());
            }
        };
    }
}
