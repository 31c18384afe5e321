package org.topolayer.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topolayer.persistence.DiagramAssertions.assertSameBars;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.topolayer.complex.SimplicialComplex;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.LevelSet;

/**
 * Z/p coefficients of the general reduction ({@link SparseReduction}) against the reference
 * reduction over Z/p, the projective plane's torsion as a known answer, and {@link PrimeField}.
 */
class PrimeFieldTest {
    private static final int[] PRIMES = {2, 3, 5, 7};

    /** The 6-vertex RP²: 10 triangles, every pair of vertices an edge. */
    static final int[][] PROJECTIVE_PLANE = {
        {0, 1, 2}, {0, 2, 3}, {0, 3, 4}, {0, 4, 5}, {0, 1, 5},
        {1, 2, 4}, {2, 3, 5}, {1, 3, 4}, {2, 4, 5}, {1, 3, 5}};

    @Test
    void lowerStarOfRandomComplexesMatchesReference() {
        SplittableRandom rnd = new SplittableRandom(18);
        for (int trial = 0; trial < 2000; trial++) {
            int p = PRIMES[trial % PRIMES.length];
            SimplicialComplex k = trial % 3 == 0 ? projectivePlaneWithExtras(rnd) : SparseReductionTest.randomComplex(rnd);
            double[] values = new double[k.vertexCount()];
            boolean ties = rnd.nextBoolean();
            for (int i = 0; i < values.length; i++) {
                values[i] = ties ? rnd.nextInt(3) : rnd.nextDouble();
            }
            int maxDim = rnd.nextInt(4);
            LevelSet levelSet = rnd.nextBoolean() ? LevelSet.SUPERLEVEL : LevelSet.SUBLEVEL;
            Filtration f = LowerStarPersistence.filtration(k, values, maxDim + 1, levelSet);
            assertSameBars(ReferenceReduction.compute(f, maxDim, p), SparseReduction.compute(f, maxDim, PrimeField.of(p)),
                    "Z/" + p + " trial " + trial);
        }
    }

    /**
     * RP² with every value 0: over Z/2 one essential class in each of H0, H1, H2; over Z/3 (and
     * any odd p) only H0 (H1(RP²; Z) = Z/2 is torsion, H2(RP²; Z) = 0). The reference agrees.
     */
    @Test
    void projectivePlaneHasTorsionVisibleOnlyOverZ2() {
        SimplicialComplex rp2 = projectivePlane();
        assertEquals(6 + 15 + 10, rp2.size());
        double[] values = new double[6];
        for (int p : new int[] {2, 3, 5, 7}) {
            Filtration f = LowerStarPersistence.filtration(rp2, values, 3, LevelSet.SUBLEVEL);
            PersistenceDiagrams pd = SparseReduction.compute(f, 2, PrimeField.of(p));
            int expected = p == 2 ? 1 : 0;
            assertEquals(1, pd.get(0).size(), "Z/" + p + " H0");
            assertEquals(expected, pd.get(1).size(), "Z/" + p + " H1 " + pd.get(1));
            assertEquals(expected, pd.get(2).size(), "Z/" + p + " H2 " + pd.get(2));
            for (int d = 0; d <= 2; d++) {
                for (int i = 0; i < pd.get(d).size(); i++) {
                    assertTrue(pd.get(d).isEssential(i));
                    assertEquals(0.0, pd.get(d).birth(i));
                }
            }
            assertSameBars(ReferenceReduction.compute(f, 2, p), pd, "reference Z/" + p);
        }
    }

    /**
     * Lower star of RP² with vertex k at value k, checked by hand: before vertex 5 the complex is RP²
     * minus the open star of 5, a Möbius band (H1 = Z, its core born at 3). Vertex 5 glues a disk
     * along the band's boundary, which winds twice around the core: over Z/3 that kills the core
     * class (2 is invertible), over Z/2 it leaves it and closes a 2-cycle instead.
     */
    @Test
    void projectivePlaneLowerStarKnownAnswer() {
        double[] values = {0, 1, 2, 3, 4, 5};
        Filtration f = LowerStarPersistence.filtration(projectivePlane(), values, 3, LevelSet.SUBLEVEL);
        PersistenceDiagrams z2 = SparseReduction.compute(f, 2, PrimeField.Z2);
        assertArrayEquals(new double[][] {{3, Double.POSITIVE_INFINITY}}, z2.get(1).toArray());
        assertArrayEquals(new double[][] {{5, Double.POSITIVE_INFINITY}}, z2.get(2).toArray());
        PersistenceDiagrams z3 = SparseReduction.compute(f, 2, PrimeField.of(3));
        assertArrayEquals(new double[][] {{3, 5}}, z3.get(1).toArray());
        assertEquals(0, z3.get(2).size());
        assertEquals(3, z3.get(1).birthSource(0, 0), "born at vertex 3");
        assertEquals(5, z3.get(1).deathSource(0, 0), "killed at vertex 5");
        for (int p : PRIMES) {
            assertSameBars(ReferenceReduction.compute(f, 2, p), SparseReduction.compute(f, 2, PrimeField.of(p)), "Z/" + p);
        }
    }

    /**
     * Lower star of RP² with distinct values: the H1 class is born at the edge that closes the
     * nonorientable loop and dies at the last triangle over Z/2; over Z/3 the same triangle
     * instead kills nothing in H1 and the H2 class never exists. Checked by the reference and by
     * the Euler characteristic: Σ(−1)^d (essential bars) = χ(RP²) = 1 over every field.
     */
    @Test
    void projectivePlaneLowerStarKeepsEulerCharacteristic() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int trial = 0; trial < 20; trial++) {
            double[] values = rnd.doubles(6).toArray();
            Filtration f = LowerStarPersistence.filtration(projectivePlane(), values, 3, LevelSet.SUBLEVEL);
            for (int p : PRIMES) {
                PersistenceDiagrams pd = SparseReduction.compute(f, 2, PrimeField.of(p));
                int[] essential = new int[3];
                for (Diagram d : pd) {
                    for (int i = 0; i < d.size(); i++) {
                        essential[d.dimension()] += d.isEssential(i) ? 1 : 0;
                    }
                }
                assertArrayEquals(p == 2 ? new int[] {1, 1, 1} : new int[] {1, 0, 0}, essential, "Z/" + p);
            }
        }
    }

    @Test
    void fieldArithmeticAndLimits() {
        PrimeField f = PrimeField.of(7);
        assertEquals(3, f.bits());
        for (int a = 1; a < 7; a++) {
            assertEquals(1, f.multiply(a, f.inverse(a)));
            assertEquals(0, f.add(a, f.negate(a)));
        }
        assertEquals(6, f.sign(1));
        assertEquals(1, f.sign(2));
        assertTrue(PrimeField.of(2).isBinary());
        assertEquals(15, PrimeField.of(32749).bits());
        for (int bad : new int[] {-2, 0, 1, 4, 15, 32768, 32771}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PrimeField.of(bad));
            assertEquals("the coefficient modulus must be a prime below 32768 (2, 3, 5, 7, …, 32749), got " + bad,
                    e.getMessage());
        }
    }

    static SimplicialComplex projectivePlane() {
        SimplicialComplex.Builder b = SimplicialComplex.builder();
        for (int[] t : PROJECTIVE_PLANE) {
            b.add(t.clone());
        }
        return b.build();
    }

    /** RP² plus a few random simplices on its vertices and two more: torsion inside a larger complex. */
    private static SimplicialComplex projectivePlaneWithExtras(SplittableRandom rnd) {
        SimplicialComplex.Builder b = SimplicialComplex.builder();
        for (int[] t : PROJECTIVE_PLANE) {
            b.add(t.clone());
        }
        int extras = rnd.nextInt(4);
        for (int s = 0; s < extras; s++) {
            int size = rnd.nextInt(1, 5);
            b.add(rnd.ints(0, 8).distinct().limit(size).toArray());
        }
        return b.build();
    }
}
