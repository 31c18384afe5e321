package org.topolayer.persistence.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LowerLinkTest {
    private static int bits(int... directions) {
        int mask = 0;
        for (int d : directions) {
            mask |= 1 << d;
        }
        return mask;
    }

    @Test
    void arcsAreRunsAroundTheHexagonAndWrapFromUpToRight() {
        int twoArcs = bits(0, 1, 3); // right, down-right | left
        assertEquals(bits(0, 3), LowerLink.heads(twoArcs));
        assertEquals(1, LowerLink.arcEnd(twoArcs, 0));
        assertEquals(1, LowerLink.arcEnd(twoArcs, 1));
        assertEquals(3, LowerLink.arcEnd(twoArcs, 3));
        assertEquals(bits(0), LowerLink.innerSectors(twoArcs)); // only right..down-right is inside

        int wrapping = bits(4, 5, 0); // up-left, up, right: one arc through direction 0
        assertEquals(bits(4), LowerLink.heads(wrapping));
        assertEquals(0, LowerLink.arcEnd(wrapping, 4));
        assertEquals(0, LowerLink.arcEnd(wrapping, 5));
        assertEquals(bits(4, 5), LowerLink.innerSectors(wrapping));
    }

    @Test
    void everyArcHasOneHeadAndEndsBeforeALaterNeighbour() {
        for (int mask = 0; mask < LowerLink.ALL; mask++) {
            int arcs = 0;
            for (int k = 0; k < LowerLink.DIRECTIONS; k++) {
                boolean earlier = (mask >>> k & 1) != 0, previous = (mask >>> (k + 5) % 6 & 1) != 0;
                arcs += earlier && !previous ? 1 : 0;
                if (earlier) {
                    int end = LowerLink.arcEnd(mask, k);
                    assertEquals(1, mask >>> end & 1, "mask " + mask);
                    assertEquals(0, mask >>> (end + 1) % 6 & 1, "mask " + mask);
                }
            }
            assertEquals(arcs, Integer.bitCount(LowerLink.heads(mask)), "mask " + mask);
        }
        assertEquals(1, LowerLink.heads(LowerLink.ALL)); // all six: one closed arc, entered at 0
        assertEquals(LowerLink.ALL, LowerLink.innerSectors(LowerLink.ALL));
    }
}
