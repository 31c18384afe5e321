package org.topolayer.apps.voxels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.topolayer.apps.generate.ComponentPrior;
import org.topolayer.data.VoxelShapes;
import org.topolayer.persistence.Diagram;

/** The voxel training shapes: one component each, inside the grid, reproducible. */
class VoxelShapesTest {

    @Test
    void everyShapeIsOneSuperlevelComponentAbove05AndOneSolidAt05() {
        for (int n : new int[] {12, 20, 32}) {
            ComponentPrior prior = new ComponentPrior(new int[] {n, n, n}, 0);
            int count = n == 32 ? 6 : 24;
            double[][] shapes = VoxelShapes.generate(count, n, 100 + n);
            for (int i = 0; i < count; i++) {
                String what = VoxelShapes.kind(i) + " " + i + " at n=" + n;
                Diagram d = prior.superlevelH0(shapes[i]);
                assertEquals(1, ComponentPrior.components(d, 0.5), what);
                int alive = 0;
                for (int b = 0; b < d.size(); b++) {
                    alive += d.birth(b) >= 0.5 && d.death(b) < 0.5 ? 1 : 0;
                }
                assertEquals(1, alive, what + ": the solid {u >= 0.5} is connected");
            }
        }
    }

    @Test
    void shapesAreSolidsInsideTheGridWithValuesInTheUnitInterval() {
        int n = 16;
        double[][] shapes = VoxelShapes.generate(30, n, 3);
        for (int i = 0; i < shapes.length; i++) {
            double[] v = shapes[i];
            assertEquals(n * n * n, v.length);
            int inside = 0;
            for (int z = 0; z < n; z++) {
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        double u = v[(z * n + y) * n + x];
                        assertTrue(u >= 0 && u <= 1, "value " + u);
                        boolean border = z == 0 || y == 0 || x == 0 || z == n - 1 || y == n - 1 || x == n - 1;
                        assertFalse(border && u >= 0.5, VoxelShapes.kind(i) + " " + i + " touches the grid's border");
                        inside += u >= 0.5 ? 1 : 0;
                    }
                }
            }
            assertTrue(inside >= 8, VoxelShapes.kind(i) + " " + i + " has " + inside + " voxels at 0.5 or more");
        }
        assertEquals("sphere", VoxelShapes.kind(0));
        assertEquals("box", VoxelShapes.kind(1));
        assertEquals("torus", VoxelShapes.kind(5));
    }

    @Test
    void aTorusHasAHoleThroughItsCentre() {
        // H1 of the solid: the torus' superlevel set at 0.5 has one loop (Betti numbers 1, 1)
        int n = 20;
        double[] torus = VoxelShapes.generate(3, n, 9)[2];
        var diagrams = org.topolayer.persistence.grid.LevelSetPersistence.compute(torus, new int[] {n, n, n}, 1,
                org.topolayer.filtration.LevelSet.SUPERLEVEL);
        Diagram h1 = diagrams.get(1);
        int loops = 0;
        for (int b = 0; b < h1.size(); b++) {
            loops += h1.birth(b) >= 0.5 && h1.death(b) < 0.5 ? 1 : 0;
        }
        assertEquals(1, loops);
    }

    @Test
    void theSameSeedGivesTheSameShapesAndAnotherSeedOthers() {
        assertArrayEquals(VoxelShapes.generate(4, 12, 7)[3], VoxelShapes.generate(4, 12, 7)[3], 0);
        assertFalse(java.util.Arrays.equals(VoxelShapes.generate(4, 12, 7)[3], VoxelShapes.generate(4, 12, 8)[3]));
    }

    @Test
    void aGridTooSmallIsRefusedNamingTheMinimum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VoxelShapes.generate(1, 4, 1));
        assertTrue(e.getMessage().contains("at least " + VoxelShapes.MIN_SIZE), e.getMessage());
    }
}
