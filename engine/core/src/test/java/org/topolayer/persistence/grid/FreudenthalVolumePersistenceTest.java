package org.topolayer.persistence.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.topolayer.complex.GridComplex;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.LowerStarPersistence;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.ReferenceReduction;

/**
 * The matrix-free volume path against the general path (the Kuhn complex built, then
 * SparseReduction) and the reference reduction: the same bars with the same birth and death
 * voxels, ties included (both order simplices by value, dimension, then vertex list).
 */
class FreudenthalVolumePersistenceTest {

    /** Each bar with its birth and death voxels, sorted, one line per dimension. */
    static String barsWithSources(PersistenceDiagrams pd) {
        StringBuilder out = new StringBuilder();
        for (Diagram d : pd) {
            List<String> bars = new ArrayList<>();
            for (int i = 0; i < d.size(); i++) {
                bars.add(d.birth(i) + "@" + d.birthSource(i, 0) + " " + d.death(i) + "@" + d.deathSource(i, 0));
            }
            Collections.sort(bars);
            out.append('H').append(d.dimension()).append(bars).append('\n');
        }
        return out.toString();
    }

    /** Continuous values, few levels (many ties), a constant, or a smooth field with plateaus. */
    static double[] randomValues(SplittableRandom rnd, int[] shape) {
        int n = shape[0] * shape[1] * shape[2];
        double[] v = new double[n];
        int kind = rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case 0 -> rnd.nextDouble();
                case 1 -> rnd.nextInt(2);
                case 2 -> rnd.nextInt(4) - 1.5;
                case 3 -> rnd.nextInt(7) == 0 ? -0.0 : 0.0 + rnd.nextInt(3);
                default -> Math.round(3 * Math.sin(i * 0.7) + rnd.nextDouble()) / 2.0;
            };
        }
        return v;
    }

    private static LevelSet levelSet(boolean superlevel) {
        return superlevel ? LevelSet.SUPERLEVEL : LevelSet.SUBLEVEL;
    }

    @Test
    void smallVolumesMatchTheGeneralPathAndTheReferenceWithTheirVoxels() {
        SplittableRandom rnd = new SplittableRandom(21);
        FreudenthalVolumePersistence fast = new FreudenthalVolumePersistence();
        for (int trial = 0; trial < 1500; trial++) {
            int[] shape = {rnd.nextInt(2, 5), rnd.nextInt(2, 5), rnd.nextInt(2, 6)};
            double[] values = randomValues(rnd, shape);
            boolean superlevel = rnd.nextBoolean();
            int maxDim = rnd.nextInt(4);
            PersistenceDiagrams actual = fast.compute(values, shape[0], shape[1], shape[2], maxDim, superlevel);
            PersistenceDiagrams general = LowerStarPersistence.compute(GridComplex.freudenthal(shape, maxDim + 1),
                    values, maxDim, levelSet(superlevel));
            String context = "trial " + trial + " shape " + java.util.Arrays.toString(shape) + " maxdim " + maxDim;
            assertEquals(barsWithSources(general), barsWithSources(actual), context);
            if (trial % 5 == 0) {
                Filtration f = LowerStarPersistence.filtration(GridComplex.freudenthal(shape, maxDim + 1), values,
                        maxDim + 1, levelSet(superlevel));
                assertEquals(barsWithSources(ReferenceReduction.compute(f, maxDim)), barsWithSources(actual), context);
            }
        }
    }

    @Test
    void largerVolumesMatchTheGeneralPathWithTheirVoxels() {
        SplittableRandom rnd = new SplittableRandom(22);
        for (int trial = 0; trial < 10; trial++) {
            int[] shape = {rnd.nextInt(5, 10), rnd.nextInt(5, 10), rnd.nextInt(5, 10)};
            double[] values = randomValues(rnd, shape);
            boolean superlevel = trial % 2 == 1;
            PersistenceDiagrams general = LowerStarPersistence.compute(GridComplex.freudenthal(shape, 3), values, 2,
                    levelSet(superlevel));
            PersistenceDiagrams actual = LevelSetPersistence.compute(values, shape, 2, levelSet(superlevel));
            assertEquals(barsWithSources(general), barsWithSources(actual), "trial " + trial);
        }
    }

    /** A hollow cube: one void, born when its shell closes and filled at the centre's value. */
    @Test
    void hollowCubeHasOneVoidAndAnEssentialComponent() {
        int n = 5;
        double[] v = new double[n * n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    boolean shell = Math.max(Math.max(Math.abs(z - 2), Math.abs(y - 2)), Math.abs(x - 2)) == 1;
                    boolean centre = z == 2 && y == 2 && x == 2;
                    v[(z * n + y) * n + x] = shell ? 0 : centre ? 5 : 9;
                }
            }
        }
        PersistenceDiagrams pd = LevelSetPersistence.compute(v, new int[] {n, n, n}, 2, LevelSet.SUBLEVEL);
        assertEquals(1, pd.get(0).size());
        assertEquals(0, pd.get(1).size());
        assertEquals(1, pd.get(2).size());
        assertEquals(0.0, pd.get(2).birth(0));
        assertEquals(5.0, pd.get(2).death(0));
        assertEquals((2 * n + 2) * n + 2, pd.get(2).deathSource(0, 0), "the centre voxel fills the void");
    }

    /** A ring of low voxels in one plane: one loop, filled where the disc inside it enters. */
    @Test
    void ringHasOneLoop() {
        int n = 7;
        double[] v = new double[n * n * n];
        java.util.Arrays.fill(v, 9);
        for (int y = 1; y <= 5; y++) {
            for (int x = 1; x <= 5; x++) {
                boolean ring = Math.max(Math.abs(y - 3), Math.abs(x - 3)) == 2;
                v[(3 * n + y) * n + x] = ring ? 0 : 4;
            }
        }
        PersistenceDiagrams pd = LevelSetPersistence.compute(v, new int[] {n, n, n}, 2, LevelSet.SUBLEVEL);
        assertEquals(1, pd.get(1).size());
        assertEquals(0.0, pd.get(1).birth(0));
        assertEquals(4.0, pd.get(1).death(0));
        assertTrue(pd.get(2).size() == 0);
    }

    @Test
    void refusesWhatIsNotAVolume() {
        FreudenthalVolumePersistence fast = new FreudenthalVolumePersistence();
        assertThrows(IllegalArgumentException.class, () -> fast.compute(new double[4], 1, 2, 2, 2, false));
    }
}
