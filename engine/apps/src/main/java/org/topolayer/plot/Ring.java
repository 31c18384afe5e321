package org.topolayer.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import org.knowm.xchart.style.markers.Marker;

/** A series marker that rings a point (twice the marker size, unfilled), to highlight it over a dot. */
final class Ring extends Marker {
    @Override
    public void paint(Graphics2D g, double x, double y, int markerSize) {
        g.setStroke(new BasicStroke(2f));
        g.draw(new Ellipse2D.Double(x - markerSize, y - markerSize, 2.0 * markerSize, 2.0 * markerSize));
    }
}
