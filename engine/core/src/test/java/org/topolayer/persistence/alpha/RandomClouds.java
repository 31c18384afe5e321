package org.topolayer.persistence.alpha;

import java.util.Random;

/** Small random point clouds that mix the hard cases: ties, duplicates, collinear and cocircular points. */
final class RandomClouds {
    private RandomClouds() {}

    /** Cycles through the kinds below by {@code i}; sizes 0..12. */
    static double[][] any(Random rnd, int dim, int i) {
        switch (i % 6) {
            case 0:
                return uniform(rnd, dim, rnd.nextInt(13));
            case 1:
            case 2:
                return integer(rnd, dim, rnd.nextInt(13), 1 + rnd.nextInt(4));
            case 3:
                return dim == 2 ? collinear(rnd, rnd.nextInt(9)) : integer(rnd, dim, rnd.nextInt(9), 3);
            case 4:
                return dim == 2 ? onCircle(rnd, 3 + rnd.nextInt(8)) : uniform(rnd, dim, rnd.nextInt(4));
            default:
                return withDuplicates(rnd, dim, 1 + rnd.nextInt(10));
        }
    }

    static double[][] uniform(Random rnd, int dim, int n) {
        double[][] p = new double[n][dim];
        for (double[] q : p) {
            for (int k = 0; k < dim; k++) {
                q[k] = rnd.nextDouble();
            }
        }
        return p;
    }

    /** Integer grid coordinates in [0, range): many equal distances, duplicates, right angles. */
    static double[][] integer(Random rnd, int dim, int n, int range) {
        double[][] p = new double[n][dim];
        for (double[] q : p) {
            for (int k = 0; k < dim; k++) {
                q[k] = rnd.nextInt(range);
            }
        }
        return p;
    }

    static double[][] collinear(Random rnd, int n) {
        int dx = rnd.nextInt(3) - 1, dy = rnd.nextInt(3);
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            int t = rnd.nextInt(7) - 3;
            p[i] = new double[] {1 + t * dx, 2 + t * dy};
        }
        return p;
    }

    /** Points at multiples of 45° on a circle of radius 5 with integer-ish coordinates (cocircular). */
    static double[][] onCircle(Random rnd, int n) {
        double[][] ring = {{5, 0}, {4, 3}, {3, 4}, {0, 5}, {-3, 4}, {-4, 3}, {-5, 0}, {-4, -3}, {-3, -4}, {0, -5},
            {3, -4}, {4, -3}};
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = ring[rnd.nextInt(ring.length)].clone();
        }
        return p;
    }

    static double[][] withDuplicates(Random rnd, int dim, int n) {
        double[][] p = uniform(rnd, dim, n);
        for (int i = 1; i < n; i++) {
            if (rnd.nextBoolean()) {
                p[i] = p[rnd.nextInt(i)].clone();
            }
        }
        return p;
    }
}
