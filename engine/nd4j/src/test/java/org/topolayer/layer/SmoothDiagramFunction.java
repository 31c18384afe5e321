package org.topolayer.layer;

import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * A smooth function of diagrams that does not depend on bar order, Σ over bars of φ(dim, b, d),
 * with its gradient: a test loss for layer backward passes.
 */
final class SmoothDiagramFunction {
    private SmoothDiagramFunction() {}

    static double value(PersistenceDiagrams diagrams) {
        double sum = 0;
        for (Diagram d : diagrams) {
            int k = d.dimension() + 1;
            for (int i = 0; i < d.size(); i++) {
                double b = d.birth(i);
                sum += k * Math.sin(3 * b);
                if (!d.isEssential(i)) {
                    double death = d.death(i);
                    sum += k * (death * b + 0.5 * death * death);
                }
            }
        }
        return sum;
    }

    /** {dBirths, dDeaths}, each indexed [dimension][bar]. */
    static double[][][] gradient(PersistenceDiagrams diagrams) {
        int dims = diagrams.maxDimension() + 1;
        double[][] gb = new double[dims][];
        double[][] gd = new double[dims][];
        for (Diagram d : diagrams) {
            int k = d.dimension() + 1;
            gb[d.dimension()] = new double[d.size()];
            gd[d.dimension()] = new double[d.size()];
            for (int i = 0; i < d.size(); i++) {
                double b = d.birth(i);
                gb[d.dimension()][i] = k * 3 * Math.cos(3 * b);
                if (!d.isEssential(i)) {
                    gb[d.dimension()][i] += k * d.death(i);
                    gd[d.dimension()][i] = k * (b + d.death(i));
                }
            }
        }
        return new double[][][] {gb, gd};
    }
}
