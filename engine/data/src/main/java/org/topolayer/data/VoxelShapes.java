package org.topolayer.data;

import java.util.SplittableRandom;

/**
 * Solid 3-D shapes on an n×n×n voxel grid, made in code: the training set of the voxel prior
 * ({@code topo voxels}, the paper's Figure 14). Three kinds, cycling sphere, box, torus; each with
 * a random size, position and (box, torus) orientation, reproducible from a seed. A voxel holds the
 * shape's soft occupancy 1/(1 + e^(s·d)), d the signed distance (in voxels, negative inside) from
 * the voxel's centre to the shape's surface and s = {@value #SHARPNESS}: about 1 inside, 0 outside,
 * 0.5 on the surface.
 *
 * <p>Every shape is one connected solid whose occupancy only falls away from its core, so each
 * volume has one superlevel component that persists (its finite H0 bars, if any, are short:
 * maxima along a torus' core circle merge within the discretization). Sizes scale with n
 * (sphere radius 0.15n–0.28n; box half-sides 0.1n–0.22n; torus radii 0.2n–0.28n and tube 0.07n–0.1n,
 * at least 1.5 voxels), and each shape fits inside the grid with a voxel to spare
 * (checked for n ≥ 8; smaller grids are refused).
 */
public final class VoxelShapes {
    /** The kinds, in the order they cycle. */
    public static final String[] KINDS = {"sphere", "box", "torus"};
    /** Steepness of the soft occupancy across the surface, per voxel. */
    public static final double SHARPNESS = 3.0;
    /** The smallest grid side taken. */
    public static final int MIN_SIZE = 8;

    private VoxelShapes() {}

    /**
     * {@code count} volumes of size³ values each (row-major [z][y][x]), kinds cycling through
     * {@link #KINDS}, reproducible from {@code seed}.
     */
    public static double[][] generate(int count, int size, long seed) {
        if (size < MIN_SIZE) {
            throw new IllegalArgumentException("voxel shapes need a grid side of at least " + MIN_SIZE + ", got " + size);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be ≥ 0, got " + count);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) {
            out[i] = draw(i % KINDS.length, size, rnd);
        }
        return out;
    }

    /** The kind of the i-th volume of {@link #generate}. */
    public static String kind(int i) {
        return KINDS[i % KINDS.length];
    }

    /** One shape of the kind: its signed distance field sampled at the voxel centres, then the soft occupancy. */
    static double[] draw(int kind, int n, SplittableRandom rnd) {
        double[] p; // shape parameters in voxels
        double reach; // the largest distance from the centre to a point of the shape
        switch (kind) {
            case 0 -> {
                p = new double[] {rnd.nextDouble(0.15, 0.28) * n};
                reach = p[0];
            }
            case 1 -> {
                p = new double[] {rnd.nextDouble(0.1, 0.22) * n, rnd.nextDouble(0.1, 0.22) * n,
                    rnd.nextDouble(0.1, 0.22) * n};
                reach = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
            }
            default -> {
                double tube = Math.max(1.5, rnd.nextDouble(0.07, 0.1) * n);
                p = new double[] {rnd.nextDouble(0.2, 0.28) * n, tube};
                reach = p[0] + p[1];
            }
        }
        double[][] rotation = rotation(rnd);
        double[] centre = new double[3];
        for (int a = 0; a < 3; a++) {
            // the shape and a one-voxel margin of background fit; a too large reach is centred
            double lo = reach + 1, hi = n - 2 - reach;
            centre[a] = hi > lo ? rnd.nextDouble(lo, hi) : (n - 1) / 2.0;
        }
        double[] v = new double[n * n * n];
        double[] q = new double[3];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double dx = x - centre[0], dy = y - centre[1], dz = z - centre[2];
                    for (int r = 0; r < 3; r++) { // into the shape's own frame (rotation⁻¹ = transpose)
                        q[r] = rotation[0][r] * dx + rotation[1][r] * dy + rotation[2][r] * dz;
                    }
                    double d = distance(kind, p, q);
                    v[(z * n + y) * n + x] = 1 / (1 + Math.exp(SHARPNESS * d));
                }
            }
        }
        return v;
    }

    /** Signed distance (negative inside) from q, in the shape's frame, to the shape's surface. */
    private static double distance(int kind, double[] p, double[] q) {
        return switch (kind) {
            case 0 -> Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]) - p[0];
            case 1 -> {
                double ox = Math.abs(q[0]) - p[0], oy = Math.abs(q[1]) - p[1], oz = Math.abs(q[2]) - p[2];
                double outside = Math.sqrt(sq(Math.max(ox, 0)) + sq(Math.max(oy, 0)) + sq(Math.max(oz, 0)));
                yield outside + Math.min(Math.max(ox, Math.max(oy, oz)), 0);
            }
            default -> Math.sqrt(sq(Math.hypot(q[0], q[1]) - p[0]) + sq(q[2])) - p[1];
        };
    }

    /** A uniformly random rotation matrix (from a uniform unit quaternion, Shoemake's method). */
    static double[][] rotation(SplittableRandom rnd) {
        double u1 = rnd.nextDouble(), u2 = 2 * Math.PI * rnd.nextDouble(), u3 = 2 * Math.PI * rnd.nextDouble();
        double a = Math.sqrt(1 - u1), b = Math.sqrt(u1);
        double w = a * Math.sin(u2), x = a * Math.cos(u2), y = b * Math.sin(u3), z = b * Math.cos(u3);
        return new double[][] {
            {1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)},
            {2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)},
            {2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)}};
    }

    private static double sq(double v) {
        return v * v;
    }
}
