package org.topolayer.persistence.alpha;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;

/** Recomputes every finite bar value from its attributed points with formulas independent of the engine. */
final class SourceCheck {
    private static final double RELATIVE_TOLERANCE = 1e-9;

    private SourceCheck() {}

    static void assertSourcesReproduceValues(double[][] points, PersistenceDiagrams diagrams) {
        for (Diagram d : diagrams) {
            for (int i = 0; i < d.size(); i++) {
                assertClose(d.birth(i), value(points, d, d.valueModel(), i, true));
                if (!d.isEssential(i)) {
                    assertClose(d.death(i), value(points, d, d.valueModel(), i, false));
                }
            }
        }
    }

    private static double value(double[][] p, Diagram d, ValueModel model, int bar, boolean birth) {
        int[] s = new int[3];
        int count = 0;
        for (int k = 0; k < model.sourcesPerValue(); k++) {
            int source = birth ? d.birthSource(bar, k) : d.deathSource(bar, k);
            if (source >= 0) {
                s[count++] = source;
            }
        }
        if (count == 0) {
            return 0;
        }
        if (model == ValueModel.EDGE_LENGTH) {
            return Math.sqrt(squaredDistance(p[s[0]], p[s[1]]));
        }
        return count == 2 ? squaredDistance(p[s[0]], p[s[1]]) / 4 : squaredCircumradius(p[s[0]], p[s[1]], p[s[2]]);
    }

    /** Distance from the circumcentre (solved from the perpendicular bisectors) to a vertex, squared. */
    static double squaredCircumradius(double[] a, double[] b, double[] c) {
        double bx = b[0] - a[0], by = b[1] - a[1], cx = c[0] - a[0], cy = c[1] - a[1];
        double det = 2 * (bx * cy - by * cx);
        double ux = (cy * (bx * bx + by * by) - by * (cx * cx + cy * cy)) / det;
        double uy = (bx * (cx * cx + cy * cy) - cx * (bx * bx + by * by)) / det;
        return ux * ux + uy * uy;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return s;
    }

    private static void assertClose(double want, double got) {
        assertEquals(want, got, RELATIVE_TOLERANCE * Math.max(1, Math.abs(want)));
    }
}
