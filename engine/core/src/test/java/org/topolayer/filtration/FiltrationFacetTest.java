package org.topolayer.filtration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Regression: facet storage once had dim slots per simplex instead of dim + 1. */
class FiltrationFacetTest {
    @Test
    void everyFacetOfATriangleIsFound() {
        Filtration f = Filtration.builder(ValueModel.VERTEX_VALUE, 1)
                .add(new int[] {0}, 0).add(new int[] {1}, 0).add(new int[] {2}, 0)
                .add(new int[] {0, 1}, 1).add(new int[] {1, 2}, 2).add(new int[] {0, 2}, 3)
                .add(new int[] {0, 1, 2}, 4)
                .build();
        int triangle = f.size() - 1;
        assertEquals(2, f.dimension(triangle));
        for (int k = 0; k < 3; k++) {
            int[] facet = f.vertices(f.facet(triangle, k));
            int[] expected = new int[2];
            for (int j = 0, m = 0; j < 3; j++) {
                if (j != k) {
                    expected[m++] = f.vertex(triangle, j);
                }
            }
            assertArrayEquals(expected, facet);
        }
        for (int e = 3; e < 6; e++) {
            assertEquals(f.vertex(e, 0), f.vertex(f.facet(e, 1), 0));
            assertEquals(f.vertex(e, 1), f.vertex(f.facet(e, 0), 0));
        }
    }
}
