package org.topolayer.spark.persistence;

import java.util.Locale;
import org.topolayer.limits.AlphaSize;
import org.topolayer.limits.GridSize;
import org.topolayer.limits.RipsSize;
import org.topolayer.limits.SizeEstimate;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.alpha.AlphaPersistence;
import org.topolayer.persistence.grid.LevelSetPersistence;
import org.topolayer.persistence.rips.RipsPersistence;

/** The filtrations a job computes per sample (docs/design.md §2), by the name used in options and column names. */
public enum FiltrationKind {
    SUBLEVEL, SUPERLEVEL, RIPS, ALPHA;

    /** @throws IllegalArgumentException naming the choices */
    public static FiltrationKind parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown filtration '" + name
                    + "'; use sublevel, superlevel, rips or alpha");
        }
    }

    /** The column name suffix: sublevel, superlevel, rips, alpha. */
    public String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Diagrams of one sample: level sets read values as a grid of {@code shape}; Rips and alpha as
     * shape[0] points of shape[1] coordinates.
     *
     * @throws IllegalArgumentException on a shape or value the filtration cannot take
     */
    public PersistenceDiagrams compute(double[] values, int[] shape, int maxDimension, double threshold) {
        return switch (this) {
            case SUBLEVEL -> LevelSetPersistence.compute(values, shape, maxDimension, false);
            case SUPERLEVEL -> LevelSetPersistence.compute(values, shape, maxDimension, true);
            case RIPS -> RipsPersistence.ofPoints(points(values, shape), maxDimension, threshold);
            case ALPHA -> AlphaPersistence.weak(points(values, shape), maxDimension);
        };
    }

    /**
     * The memory the computation of {@link #compute} is estimated to need, checked before it runs.
     *
     * @throws IllegalArgumentException on a shape the filtration cannot take
     */
    public SizeEstimate estimate(double[] values, int[] shape, int maxDimension, double threshold) {
        return switch (this) {
            case SUBLEVEL, SUPERLEVEL -> GridSize.of(shape, maxDimension);
            case RIPS -> RipsSize.ofPoints(points(values, shape), maxDimension, threshold);
            case ALPHA -> AlphaSize.of(shape[0]);
        };
    }

    private static double[][] points(double[] values, int[] shape) {
        int n = shape[0], d = shape.length == 1 ? 1 : shape[1];
        if (shape.length > 2 || (long) n * d != values.length) {
            throw new IllegalArgumentException("a point cloud needs shape [n, d] with n·d values, got shape "
                    + java.util.Arrays.toString(shape) + " and " + values.length + " values");
        }
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = java.util.Arrays.copyOfRange(values, i * d, i * d + d);
        }
        return points;
    }
}
