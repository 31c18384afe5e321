package org.topolayer.persistence.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.topolayer.complex.GridComplex;
import org.topolayer.complex.SimplicialComplex;
import org.topolayer.limits.MemoryBudget;
import org.topolayer.limits.OverBudgetException;

/** The level-set size estimate counts the grid complex exactly. */
class GridSizeTest {
    @Test
    void gridSimplicesAreCountedExactly() {
        for (int[] shape : new int[][] {{7}, {3, 4}, {2, 2, 2}, {3, 4, 5}, {1, 6, 3}}) {
            for (int top = 0; top <= 3; top++) {
                SimplicialComplex complex = GridComplex.freudenthal(shape, top);
                assertEquals(complex.size(), GridSize.of(shape, top - 1).simplicesUpTo(top), 1e-9,
                        java.util.Arrays.toString(shape) + " up to dimension " + top);
            }
        }
        assertEquals(60 * GridSize.BYTES_PER_PIXEL, GridSize.of(new int[] {60, 1}, 1).bytes(), 1);
        // volumes build no complex: a fixed cost a voxel, more with H1 and H2
        assertEquals(GridSize.VOLUME_FIXED_BYTES + 60 * GridSize.BYTES_PER_VOXEL_H0,
                GridSize.of(new int[] {3, 4, 5}, 0).bytes(), 1);
        assertEquals(GridSize.VOLUME_FIXED_BYTES + 60 * GridSize.BYTES_PER_VOXEL,
                GridSize.of(new int[] {3, 4, 5}, 2).bytes(), 1);
        assertEquals("level sets up to H2 of a 3×4×5 volume", GridSize.of(new int[] {3, 4, 5}, 2).describe());
        GridSize volume = GridSize.of(new int[] {80, 80, 80}, 2);
        String message = assertThrows(OverBudgetException.class, () -> MemoryBudget.parse("160m", "--memory-budget")
                .require(volume)).getMessage();
        assertTrue(message.startsWith("level sets up to H2 of a 80×80×80 volume needs about "), message);
        assertTrue(message.endsWith("; use --maxdim 0"), message);
        message = assertThrows(OverBudgetException.class, () -> MemoryBudget.parse("1m", "--memory-budget")
                .require(volume)).getMessage();
        assertTrue(message.contains("downsample the input: about "), message);
        // beyond the volume path's limit the estimate counts the Kuhn complex
        GridSize huge = GridSize.of(new int[] {512, 512, 512}, 2);
        assertTrue(huge.describe().contains("simplices"), huge.describe());
    }
}
