package org.topolayer.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.topolayer.persistence.DiagramAssertions.assertSameBars;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.topolayer.complex.SimplicialComplex;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.LevelSet;

class SparseReductionTest {

    /** A random complex: random simplices of dimension ≤ 3 over few vertices (many shared faces). */
    static SimplicialComplex randomComplex(SplittableRandom rnd) {
        int vertices = rnd.nextInt(1, 9);
        SimplicialComplex.Builder b = SimplicialComplex.builder();
        int count = rnd.nextInt(1, 12);
        for (int s = 0; s < count; s++) {
            int size = Math.min(vertices, rnd.nextInt(1, 5));
            int[] simplex = rnd.ints(0, vertices).distinct().limit(size).toArray();
            b.add(simplex);
            if (rnd.nextInt(4) == 0) {
                b.add(simplex.clone()); // duplicates are merged
            }
        }
        return b.build();
    }

    @Test
    void lowerStarOfRandomComplexesMatchesReference() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 1500; trial++) {
            SimplicialComplex k = randomComplex(rnd);
            double[] values = new double[k.vertexCount()];
            boolean ties = rnd.nextBoolean();
            for (int i = 0; i < values.length; i++) {
                values[i] = ties ? rnd.nextInt(3) : rnd.nextDouble();
            }
            int maxDim = rnd.nextInt(4);
            boolean superlevel = rnd.nextBoolean();
            Filtration f = LowerStarPersistence.filtration(k, values, maxDim + 1, superlevel ? LevelSet.SUPERLEVEL : LevelSet.SUBLEVEL);
            assertSameBars(ReferenceReduction.compute(f, maxDim), SparseReduction.compute(f, maxDim), "trial " + trial);
        }
    }

    /** The n×n grid torus: square (i,j) is split along its diagonal, indices wrap around. */
    static SimplicialComplex torus(int n) {
        SimplicialComplex.Builder b = SimplicialComplex.builder();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int v = i * n + j, right = i * n + (j + 1) % n, down = ((i + 1) % n) * n + j;
                int diag = ((i + 1) % n) * n + (j + 1) % n;
                b.add(v, right, diag);
                b.add(v, down, diag);
            }
        }
        return b.build();
    }

    @Test
    void torusHasBettiNumbersOneTwoOne() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int n : new int[] {3, 5, 8}) {
            SimplicialComplex torus = torus(n);
            double[] values = rnd.doubles(n * n).toArray();
            PersistenceDiagrams pd = LowerStarPersistence.compute(torus, values, 2, LevelSet.SUBLEVEL);
            int[] betti = new int[3];
            for (Diagram d : pd) {
                for (int i = 0; i < d.size(); i++) {
                    betti[d.dimension()] += d.isEssential(i) ? 1 : 0;
                }
            }
            assertEquals("[1, 2, 1]", java.util.Arrays.toString(betti), "torus " + n + "x" + n);
        }
    }

    @Test
    void missingVertexValueIsAnError() {
        SimplicialComplex k = SimplicialComplex.builder().add(0, 1, 5).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LowerStarPersistence.compute(k, new double[] {1, 2, 3}, 1, LevelSet.SUBLEVEL));
        assertEquals("vertex 5 has no value: 3 values given for 6 vertices", e.getMessage());
    }

    @Test
    void emptyComplexHasEmptyDiagrams() {
        PersistenceDiagrams pd = LowerStarPersistence.compute(SimplicialComplex.builder().build(), new double[0], 2,
                LevelSet.SUBLEVEL);
        for (Diagram d : pd) {
            assertEquals(0, d.size());
        }
    }

    @Test
    void filtrationRejectsFaceAfterCoface() {
        Filtration.Builder b = Filtration.builder(org.topolayer.filtration.ValueModel.VERTEX_VALUE, 1);
        b.add(new int[] {0}, 0, 0).add(new int[] {1}, 2, 1).add(new int[] {0, 1}, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("face [1] has value 2.0 above its coface [0, 1] (1.0)", e.getMessage());
    }
}
