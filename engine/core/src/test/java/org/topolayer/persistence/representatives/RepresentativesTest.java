package org.topolayer.persistence.representatives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.topolayer.complex.GridComplex;
import org.topolayer.complex.RipsComplex;
import org.topolayer.complex.SimplicialComplex;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.LevelSet;
import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.LowerStarPersistence;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.PrimeField;
import org.topolayer.persistence.SparseReduction;
import org.topolayer.persistence.grid.LevelSetPersistence;
import org.topolayer.persistence.rips.RipsPersistence;

class RepresentativesTest {
    private static final int[] PRIMES = {2, 3, 5};

    /** A random complex: random simplices of dimension ≤ 3 over few vertices, faces added. */
    private static SimplicialComplex randomComplex(SplittableRandom rnd) {
        int vertices = rnd.nextInt(2, 9);
        SimplicialComplex.Builder b = SimplicialComplex.builder();
        for (int s = rnd.nextInt(1, 14); s > 0; s--) {
            int size = Math.min(vertices, rnd.nextInt(1, 5));
            b.add(rnd.ints(0, vertices).distinct().limit(size).toArray());
        }
        return b.build();
    }

    @Test
    void cyclesAndCocyclesOfRandomLowerStarFiltrationsWithTiesAreBasesOfTheirBars() {
        SplittableRandom rnd = new SplittableRandom(18);
        for (int trial = 0; trial < 1000; trial++) {
            SimplicialComplex k = randomComplex(rnd);
            double[] values = rnd.ints(k.vertexCount(), 0, 3).asDoubleStream().toArray(); // many ties
            int maxdim = rnd.nextInt(0, 3);
            LevelSet levelSet = rnd.nextBoolean() ? LevelSet.SUBLEVEL : LevelSet.SUPERLEVEL;
            Filtration f = LowerStarPersistence.filtration(k, values, maxdim + 1, levelSet);
            PrimeField field = PrimeField.of(PRIMES[trial % PRIMES.length]);
            PersistenceDiagrams diagrams = SparseReduction.compute(f, maxdim, field);
            for (Representatives.Kind kind : Representatives.Kind.values()) {
                new ChainChecks(f, field).check(Representatives.of(diagrams, f, kind, field));
            }
        }
    }

    @Test
    void ripsRepresentativesOfRandomIntegerPointsMatchTheFastEngine() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = rnd.nextInt(3, 9);
            double[][] points = new double[n][];
            for (int i = 0; i < n; i++) {
                points[i] = new double[] {rnd.nextInt(4), rnd.nextInt(4)}; // repeated distances
            }
            int maxdim = rnd.nextInt(1, 3);
            int p = PRIMES[trial % PRIMES.length];
            PrimeField field = PrimeField.of(p);
            Filtration f = RipsComplex.filtration(points, maxdim + 1, Double.POSITIVE_INFINITY);
            PersistenceDiagrams diagrams = RipsPersistence.ofPoints(points, maxdim, Double.POSITIVE_INFINITY, p);
            for (Representatives.Kind kind : Representatives.Kind.values()) {
                new ChainChecks(f, field).check(Representatives.of(diagrams, f, kind, field));
            }
        }
    }

    @Test
    void theCheckerRejectsBrokenChains() {
        // a square 0-1-2-3 (sides at 1) filled by two triangles along the diagonal 0-2 at 2: one H1 bar [1, 2)
        Filtration.Builder b = Filtration.builder(ValueModel.VERTEX_VALUE, 1);
        for (int v = 0; v < 4; v++) {
            b.add(new int[] {v}, 0.0, v);
        }
        for (int[] side : new int[][] {{0, 1}, {1, 2}, {2, 3}, {0, 3}}) {
            b.add(side, 1.0, side[1]);
        }
        b.add(new int[] {0, 2}, 2.0, 2).add(new int[] {0, 1, 2}, 2.0, 2).add(new int[] {0, 2, 3}, 2.0, 2);
        Filtration f = b.build();
        PrimeField z3 = PrimeField.of(3);
        RepresentedDiagrams good = Representatives.of(SparseReduction.compute(f, 1, z3), f,
                Representatives.Kind.CYCLES, z3);
        Chain loop = good.representative(1, 0);
        assertEquals(4, loop.size(), "the loop 0-1, 1-2, 2-3, 0-3: " + loop);
        ChainChecks checks = new ChainChecks(f, z3);
        checks.check(good);
        // the loop without one edge, or with one sign flipped, has a nonzero boundary
        Map<Integer, Integer> v = new TreeMap<>(checks.asVector(loop));
        Integer first = v.keySet().iterator().next();
        v.put(first, z3.negate(v.get(first)));
        assertTrue(!checks.boundary(v).isEmpty());
        v.remove(first);
        assertTrue(!checks.boundary(v).isEmpty());
        // an edge given as the H1 representative is caught
        Chain[] h0 = new Chain[good.diagrams().get(0).size()];
        for (int i = 0; i < h0.length; i++) {
            h0[i] = good.representative(0, i);
        }
        Chain edge = new Chain(1, 3, new int[][] {{0, 1}}, new int[] {1}, new double[] {1.0});
        RepresentedDiagrams broken = new RepresentedDiagrams(good.diagrams(), Representatives.Kind.CYCLES, 3,
                new Chain[][] {h0, {edge}});
        assertThrows(AssertionFailedError.class, () -> checks.check(broken));
    }

    @Test
    void aCircleOfPointsHasTheLoopAsCycleAndACutAsCocycle() {
        int n = 12;
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            points[i] = new double[] {Math.cos(a) * (1 + 0.01 * i), Math.sin(a) * (1 + 0.01 * i)};
        }
        Filtration f = RipsComplex.filtration(points, 2, Double.POSITIVE_INFINITY);
        for (int p : PRIMES) {
            PrimeField field = PrimeField.of(p);
            PersistenceDiagrams diagrams = RipsPersistence.ofPoints(points, 1, Double.POSITIVE_INFINITY, p);
            assertEquals(1, diagrams.get(1).size());
            RepresentedDiagrams cycles = Representatives.of(diagrams, f, Representatives.Kind.CYCLES, field);
            Chain loop = cycles.representative(1, 0);
            assertEquals(n, loop.size(), "the cycle is the n sides: " + loop);
            for (int i = 0; i < n; i++) {
                int[] edge = loop.simplex(i);
                int gap = edge[1] - edge[0];
                assertTrue(gap == 1 || gap == n - 1, "not a side: " + java.util.Arrays.toString(edge));
            }
            RepresentedDiagrams cocycles = Representatives.of(diagrams, f, Representatives.Kind.COCYCLES, field);
            Chain cut = cocycles.representative(1, 0);
            // the cocycle evaluates to a unit on the loop (the sides oriented i → i+1)
            int pairing = 0;
            for (int i = 0; i < cut.size(); i++) {
                int[] e = cut.simplex(i);
                if (e[1] - e[0] == 1) {
                    pairing += cut.signedCoefficient(i);
                } else if (e[1] - e[0] == n - 1) {
                    pairing -= cut.signedCoefficient(i); // the side n-1 → 0 runs against [0, n-1]
                }
            }
            assertTrue(Math.floorMod(pairing, p) != 0, "the cocycle does not see the loop: " + cut);
            ChainChecks checks = new ChainChecks(f, field);
            checks.check(cycles);
            checks.check(cocycles);
        }
    }

    @Test
    void theH1CycleOfAnAnnulusImageGoesAroundTheHole() {
        int size = 15;
        double[] image = new double[size * size];
        double c = (size - 1) / 2.0;
        for (int r = 0; r < size; r++) {
            for (int col = 0; col < size; col++) {
                double radius = Math.hypot(r - c, col - c);
                image[r * size + col] = Math.exp(-Math.pow(radius - 4.5, 2)) + 0.001 * ((r * 7 + col * 3) % 5);
            }
        }
        int[] shape = {size, size};
        PersistenceDiagrams diagrams = LevelSetPersistence.compute(image, shape, 1, LevelSet.SUPERLEVEL);
        Filtration f = LowerStarPersistence.filtration(GridComplex.freudenthal(shape, 2), image, 2, LevelSet.SUPERLEVEL);
        RepresentedDiagrams rep = Representatives.of(diagrams, f, Representatives.Kind.CYCLES, PrimeField.Z2);
        Diagram h1 = diagrams.get(1);
        int longest = 0;
        for (int i = 1; i < h1.size(); i++) {
            longest = h1.persistence(i) > h1.persistence(longest) ? i : longest;
        }
        Chain loop = rep.representative(1, longest);
        // edges crossing the ray from the centre to the right (row c + 0.25 is between grid rows): odd
        int crossings = 0;
        for (int i = 0; i < loop.size(); i++) {
            int[] e = loop.simplex(i);
            double r0 = e[0] / size, r1 = e[1] / size;
            double y = c + 0.25;
            if ((r0 - y) * (r1 - y) < 0) {
                double t = (y - r0) / (r1 - r0);
                double x = e[0] % size + t * (e[1] % size - e[0] % size);
                crossings += x > c ? 1 : 0;
            }
        }
        assertEquals(1, crossings % 2, "the H1 cycle does not wind around the hole: " + loop);
        for (int i = 0; i < loop.size(); i++) {
            for (int v : loop.simplex(i)) {
                assertTrue(image[v] >= h1.birth(longest), "a pixel of the loop enters after the birth");
            }
        }
        new ChainChecks(f, PrimeField.Z2).check(rep);
    }

    @Test
    void diagramsOfAnotherFiltrationAreRefused() {
        SimplicialComplex k = SimplicialComplex.builder().add(0, 1).add(1, 2).add(0, 2).build();
        Filtration f = LowerStarPersistence.filtration(k, new double[] {0, 1, 2}, 2, LevelSet.SUBLEVEL);
        Filtration other = LowerStarPersistence.filtration(k, new double[] {0, 1, 3}, 2, LevelSet.SUBLEVEL);
        PersistenceDiagrams diagrams = SparseReduction.compute(other, 1);
        assertThrows(IllegalStateException.class,
                () -> Representatives.of(diagrams, f, Representatives.Kind.CYCLES, PrimeField.Z2));
        IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class,
                () -> Representatives.checkSize(Representatives.MAX_SIMPLICES + 1L, "use fewer points"));
        assertTrue(tooLarge.getMessage().endsWith("use fewer points"), tooLarge.getMessage());
    }
}
