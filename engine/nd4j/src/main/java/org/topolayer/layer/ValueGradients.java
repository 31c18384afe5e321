package org.topolayer.layer;

import org.topolayer.filtration.ValueModel;

/**
 * The chain rule from one filtration value to the input entries it was computed from, for each
 * {@link ValueModel}. Inputs are row-major: points are {@code n × dim}, a distance matrix is
 * {@code n × n}. Where the value is not differentiable (a zero-length edge, a degenerate
 * triangle) the subgradient 0 is used.
 */
final class ValueGradients {
    private ValueGradients() {}

    /**
     * Adds {@code g · ∂value/∂input} to {@code out[offset ..]}.
     *
     * @param sources the value's source entries (unused slots -1), as in the diagram's attribution
     * @param width   the input's last axis: point dimension, or n for a distance matrix
     */
    static void add(ValueModel model, int[] sources, double g, double[] input, int width, double[] out, int offset) {
        if (g == 0 || sources[0] < 0) {
            return; // constant values (Rips vertices at 0) carry no gradient
        }
        switch (model) {
            case VERTEX_VALUE -> out[offset + sources[0]] += g;
            case DISTANCE_ENTRY -> {
                // the matrix is symmetric: both entries carry half, so moving both by ε moves the value by ε
                out[offset + sources[0] * width + sources[1]] += g / 2;
                out[offset + sources[1] * width + sources[0]] += g / 2;
            }
            case EDGE_LENGTH -> edgeLength(sources[0], sources[1], g, input, width, out, offset);
            case SQUARED_CIRCUMRADIUS -> {
                if (sources[2] < 0) {
                    squaredHalfLength(sources[0], sources[1], g, input, width, out, offset);
                } else {
                    squaredCircumradius(sources[0], sources[1], sources[2], g, input, out, offset);
                }
            }
        }
    }

    private static void edgeLength(int a, int b, double g, double[] x, int dim, double[] out, int offset) {
        double squared = 0;
        for (int k = 0; k < dim; k++) {
            double diff = x[a * dim + k] - x[b * dim + k];
            squared += diff * diff;
        }
        if (squared == 0) {
            return;
        }
        double scale = g / Math.sqrt(squared);
        for (int k = 0; k < dim; k++) {
            double step = scale * (x[a * dim + k] - x[b * dim + k]);
            out[offset + a * dim + k] += step;
            out[offset + b * dim + k] -= step;
        }
    }

    /** value = |a − b|² / 4. */
    private static void squaredHalfLength(int a, int b, double g, double[] x, int dim, double[] out, int offset) {
        for (int k = 0; k < dim; k++) {
            double step = g * (x[a * dim + k] - x[b * dim + k]) / 2;
            out[offset + a * dim + k] += step;
            out[offset + b * dim + k] -= step;
        }
    }

    /**
     * value R² = |u|²·|v|²·|w|² / (4·cross²) with u = b − a, v = c − a, w = c − b and
     * cross = u × v, so ∂ ln R² = ∂ ln|u|² + ∂ ln|v|² + ∂ ln|w|² − 2 ∂ ln|cross|. 2-D points.
     */
    private static void squaredCircumradius(int a, int b, int c, double g, double[] x, double[] out, int offset) {
        double ux = x[2 * b] - x[2 * a], uy = x[2 * b + 1] - x[2 * a + 1];
        double vx = x[2 * c] - x[2 * a], vy = x[2 * c + 1] - x[2 * a + 1];
        double wx = vx - ux, wy = vy - uy;
        double uu = ux * ux + uy * uy, vv = vx * vx + vy * vy, ww = wx * wx + wy * wy;
        double cross = ux * vy - uy * vx;
        if (cross == 0) {
            return; // infinite radius: such a value is never a finite birth or death
        }
        double r2 = uu * vv * ww / (4 * cross * cross);
        double gux = g * r2 * (2 * ux / uu - 2 * wx / ww - 2 * vy / cross);
        double guy = g * r2 * (2 * uy / uu - 2 * wy / ww + 2 * vx / cross);
        double gvx = g * r2 * (2 * vx / vv + 2 * wx / ww + 2 * uy / cross);
        double gvy = g * r2 * (2 * vy / vv + 2 * wy / ww - 2 * ux / cross);
        out[offset + 2 * b] += gux;
        out[offset + 2 * b + 1] += guy;
        out[offset + 2 * c] += gvx;
        out[offset + 2 * c + 1] += gvy;
        out[offset + 2 * a] -= gux + gvx;
        out[offset + 2 * a + 1] -= guy + gvy;
    }
}
