package org.topolayer.complex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DelaunayTest {

    @Test
    void randomPointsGiveAValidDelaunayTriangulation() {
        Random rnd = new Random(1);
        for (int trial = 0; trial < 60; trial++) {
            int n = 3 + rnd.nextInt(50);
            double[][] p = new double[n][2];
            for (double[] q : p) {
                q[0] = rnd.nextDouble();
                q[1] = rnd.nextDouble();
            }
            assertValid(p);
        }
    }

    @Test
    void largeCloudsAreLocallyDelaunayEverywhere() {
        Random rnd = new Random(4);
        double[][] uniform = new double[5000][];
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = new double[] {rnd.nextDouble(), rnd.nextDouble()};
        }
        assertLocallyDelaunay(uniform);
        double[][] grid = new double[3000][];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = new double[] {rnd.nextInt(60), rnd.nextInt(60)}; // many duplicates too
        }
        assertLocallyDelaunay(grid);
    }

    @Test
    void integerPointsWithTiesDuplicatesAndCollinearRunsAreHandled() {
        Random rnd = new Random(2);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(30);
            int range = 1 + rnd.nextInt(6);
            double[][] p = new double[n][2];
            for (double[] q : p) {
                q[0] = rnd.nextInt(range);
                q[1] = rnd.nextInt(range);
            }
            assertValid(p);
        }
    }

    @Test
    void gridAndCircleAreCocircularButValid() {
        double[][] grid = new double[144][2];
        for (int i = 0; i < 144; i++) {
            grid[i] = new double[] {i % 12, i / 12};
        }
        Delaunay g = assertValid(grid);
        assertEquals(2 * 11 * 11, g.triangleCount());
        double[][] circle = new double[97][2];
        for (int i = 0; i < circle.length; i++) {
            double a = 2 * Math.PI * i / circle.length;
            circle[i] = new double[] {Math.cos(a), Math.sin(a)};
        }
        assertEquals(circle.length - 2, assertValid(circle).triangleCount());
    }

    @Test
    void veryClosePointsStayDistinctVertices() {
        Random rnd = new Random(3);
        double[][] p = new double[80][2];
        for (double[] q : p) {
            q[0] = 1e6 + rnd.nextDouble() * 1e-3;
            q[1] = 1e6 + rnd.nextDouble() * 1e-3;
        }
        p[1] = new double[] {Math.nextUp(p[0][0]), p[0][1]};
        p[2] = new double[] {p[0][0], Math.nextUp(p[0][1])};
        Delaunay d = assertValid(p);
        assertEquals(0, duplicateEdges(d));
    }

    @Test
    void nearlyCollinearPointsAreTriangulated() {
        double[][] p = new double[30][2];
        for (int i = 0; i < p.length; i++) {
            p[i] = new double[] {i * 0.1, i * 0.3};
        }
        p[7][1] = Math.nextUp(p[7][1]);
        assertTrue(assertValid(p).triangleCount() > 0);
    }

    @Test
    void collinearPointsGiveThePathInLineOrder() {
        double[][] p = {{3, 6}, {0, 0}, {2, 4}, {1, 2}, {-1, -2}};
        Delaunay d = assertValid(p);
        assertEquals(0, d.triangleCount());
        Set<String> edges = edgeSet(d);
        assertEquals(Set.of("1-4", "1-3", "2-3", "0-2"), edges);
        Delaunay vertical = assertValid(new double[][] {{0, 5}, {0, 1}, {0, 3}});
        assertEquals(Set.of("1-2", "0-2"), edgeSet(vertical));
    }

    @Test
    void oneDimensionalPointsGiveTheSortedPath() {
        Delaunay d = Delaunay.of(new double[][] {{0.5}, {-1}, {2}, {0.5}});
        assertEquals(3, d.edgeCount());
        assertEquals(Set.of("0-1", "0-2", "0-3"), edgeSet(d));
    }

    @Test
    void duplicatesJoinTheirRepresentativeByAnEdgeInNoTriangle() {
        double[][] p = {{0, 0}, {1, 0}, {0, 1}, {1, 0}, {0, 0}, {1, 0}};
        Delaunay d = assertValid(p);
        assertEquals(1, d.triangleCount());
        assertEquals(3, duplicateEdges(d));
        assertTrue(edgeSet(d).containsAll(Set.of("0-4", "1-3", "1-5")));
    }

    @Test
    void tinyInputs() {
        assertEquals(0, Delaunay.of(new double[0][]).edgeCount());
        assertEquals(0, Delaunay.of(new double[][] {{1, 2}}).edgeCount());
        assertEquals(Set.of("0-1"), edgeSet(Delaunay.of(new double[][] {{1, 2}, {3, 4}})));
        assertEquals(1, assertValid(new double[][] {{0, 0}, {2, 0}, {1, 5}}).triangleCount());
        assertEquals(0, assertValid(new double[][] {{0, 0}, {0, 0}, {0, 0}}).triangleCount());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Delaunay.of(new double[][] {{1, 2, 3}}));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Delaunay.of(new double[][] {{1, 2}, {Double.NaN, 0}}));
        assertTrue(nan.getMessage().contains("row 1"));
        assertThrows(IllegalArgumentException.class, () -> Delaunay.of(new double[][] {{1, 2}, {1}}));
    }

    /**
     * Checks, with exact arithmetic independent of the code under test: triangles are
     * non-degenerate with empty open circumdisks; edges and triangles agree; the triangles tile
     * the convex hull of the distinct points (Euler count, hull edges have no point outside);
     * every input point is a vertex.
     */
    static Delaunay assertValid(double[][] p) {
        Delaunay d = Delaunay.of(p);
        int n = p.length;
        for (int t = 0; t < d.triangleCount(); t++) {
            int a = d.triangleVertex(t, 0), b = d.triangleVertex(t, 1), c = d.triangleVertex(t, 2);
            int o = orient(p[a], p[b], p[c]);
            assertTrue(o != 0, "degenerate triangle");
            for (int q = 0; q < n; q++) {
                assertTrue(o * inCircle(p[a], p[b], p[c], p[q]) <= 0, "point " + q + " inside circumcircle of " + t);
            }
            for (int k = 0; k < 3; k++) {
                int e = d.triangleEdge(t, k);
                assertTrue(d.edgeTriangle(e, 0) == t || d.edgeTriangle(e, 1) == t);
                assertTrue(isVertexOf(d, t, d.edgeVertex(e, 0)) && isVertexOf(d, t, d.edgeVertex(e, 1)));
            }
        }
        Set<Integer> seen = new HashSet<>();
        Set<String> distinct = new HashSet<>();
        for (double[] q : p) {
            distinct.add(q[0] + "," + q[1]);
        }
        int hullEdges = 0, realEdges = 0;
        for (int e = 0; e < d.edgeCount(); e++) {
            int a = d.edgeVertex(e, 0), b = d.edgeVertex(e, 1);
            assertTrue(a < b);
            seen.add(a);
            seen.add(b);
            boolean duplicate = p[a][0] == p[b][0] && p[a][1] == p[b][1];
            if (!duplicate) {
                realEdges++;
            }
            int t0 = d.edgeTriangle(e, 0), t1 = d.edgeTriangle(e, 1);
            if (d.triangleCount() > 0 && !duplicate && (t0 < 0 || t1 < 0)) {
                hullEdges++;
                int inside = t0 >= 0 ? t0 : t1;
                int side = orient(p[a], p[b], p[d.oppositeVertex(inside, e)]);
                for (double[] q : p) {
                    assertTrue(orient(p[a], p[b], q) * side >= 0, "hull edge with a point beyond it");
                }
            }
        }
        if (n >= 2) {
            assertEquals(n, seen.size(), "every point is a vertex");
        }
        int m = distinct.size();
        if (d.triangleCount() > 0) {
            assertEquals(2 * m - 2 - hullEdges, d.triangleCount(), "triangles tile the hull");
            assertEquals(3 * m - 3 - hullEdges, realEdges);
        } else {
            assertEquals(Math.max(0, m - 1), realEdges);
        }
        return d;
    }

    /**
     * A triangulation in which every interior edge is locally Delaunay (the opposite vertex is
     * not strictly inside the circumcircle) is Delaunay; with the tiling count and every point
     * being a vertex, this checks a large output in linear time.
     */
    static void assertLocallyDelaunay(double[][] p) {
        Delaunay d = Delaunay.of(p);
        Set<Integer> seen = new HashSet<>();
        Set<String> distinct = new HashSet<>();
        for (double[] q : p) {
            distinct.add(q[0] + "," + q[1]);
        }
        int hullEdges = 0;
        for (int e = 0; e < d.edgeCount(); e++) {
            seen.add(d.edgeVertex(e, 0));
            seen.add(d.edgeVertex(e, 1));
            int t0 = d.edgeTriangle(e, 0), t1 = d.edgeTriangle(e, 1);
            if (t0 >= 0 && t1 >= 0) {
                int a = d.triangleVertex(t0, 0), b = d.triangleVertex(t0, 1), c = d.triangleVertex(t0, 2);
                int o = orient(p[a], p[b], p[c]);
                assertTrue(o * inCircle(p[a], p[b], p[c], p[d.oppositeVertex(t1, e)]) <= 0, "edge " + e);
            } else if (t0 >= 0 || t1 >= 0) {
                hullEdges++;
            }
        }
        assertEquals(p.length, seen.size());
        assertEquals(2 * distinct.size() - 2 - hullEdges, d.triangleCount());
    }

    private static boolean isVertexOf(Delaunay d, int t, int v) {
        return d.triangleVertex(t, 0) == v || d.triangleVertex(t, 1) == v || d.triangleVertex(t, 2) == v;
    }

    private static int duplicateEdges(Delaunay d) {
        int c = 0;
        for (int e = 0; e < d.edgeCount(); e++) {
            if (d.edgeTriangle(e, 0) < 0 && d.edgeTriangle(e, 1) < 0 && d.triangleCount() > 0) {
                c++;
            }
        }
        return c;
    }

    private static Set<String> edgeSet(Delaunay d) {
        Set<String> s = new HashSet<>();
        for (int e = 0; e < d.edgeCount(); e++) {
            s.add(d.edgeVertex(e, 0) + "-" + d.edgeVertex(e, 1));
        }
        return s;
    }

    static int orient(double[] a, double[] b, double[] c) {
        BigDecimal bax = big(b[0]).subtract(big(a[0])), bay = big(b[1]).subtract(big(a[1]));
        BigDecimal cax = big(c[0]).subtract(big(a[0])), cay = big(c[1]).subtract(big(a[1]));
        return bax.multiply(cay).subtract(bay.multiply(cax)).signum();
    }

    /** Sign of the in-circle determinant: positive when d is inside the circle of counter-clockwise a, b, c. */
    static int inCircle(double[] a, double[] b, double[] c, double[] d) {
        BigDecimal[][] m = new BigDecimal[3][3];
        double[][] rows = {a, b, c};
        for (int i = 0; i < 3; i++) {
            BigDecimal x = big(rows[i][0]).subtract(big(d[0]));
            BigDecimal y = big(rows[i][1]).subtract(big(d[1]));
            m[i] = new BigDecimal[] {x, y, x.multiply(x).add(y.multiply(y))};
        }
        BigDecimal det = m[0][0].multiply(m[1][1].multiply(m[2][2]).subtract(m[1][2].multiply(m[2][1])))
                .subtract(m[0][1].multiply(m[1][0].multiply(m[2][2]).subtract(m[1][2].multiply(m[2][0]))))
                .add(m[0][2].multiply(m[1][0].multiply(m[2][1]).subtract(m[1][1].multiply(m[2][0]))));
        return det.signum();
    }

    private static BigDecimal big(double v) {
        return new BigDecimal(v);
    }
}
