package org.topolayer.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.topolayer.compute.FiltrationSpec;
import org.topolayer.filtration.LevelSet;
import org.topolayer.io.BadInputException;
import org.topolayer.io.Grid;
import org.topolayer.io.Inputs;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.grid.LevelSetPersistence;
import org.topolayer.persistence.representatives.Representatives;
import org.topolayer.persistence.representatives.RepresentedDiagrams;
import org.topolayer.persistence.rips.RipsPersistence;

class MarkedBarsTest {
    @Test
    void levelSetMarksArePixelsWithTheBarsValues() throws BadInputException {
        // sublevel bars of this image: H0 (0, inf), (1, 5), (2, 4), (3, 6); H1 (7, 9)
        double[] image = {1, 5, 2, 6, 9, 4, 3, 7, 0};
        PersistenceDiagrams diagrams = LevelSetPersistence.compute(image, new int[] {3, 3}, 1, LevelSet.SUBLEVEL);
        List<MarkedBars.Bar> marked = MarkedBars.longest(diagrams, 2);
        assertEquals(3, marked.size()); // two of H0, the only one of H1
        MarkedBars.Bar essential = marked.get(0), second = marked.get(1), loop = marked.get(2);
        assertEquals(1, essential.rank());
        assertTrue(essential.isEssential());
        assertArrayEquals(new int[] {8}, essential.birthSources()); // the pixel with value 0
        assertArrayEquals(new int[0], essential.deathSources());
        assertEquals(2, second.rank());
        assertEquals(1.0, second.birth()); // (1, 5) is the longest finite bar
        assertEquals(5.0, second.death());
        assertArrayEquals(new int[] {0}, second.birthSources());
        assertArrayEquals(new int[] {1}, second.deathSources());
        assertEquals(1, loop.dimension());
        assertArrayEquals(new int[] {7}, loop.birthSources());
        assertArrayEquals(new int[] {4}, loop.deathSources());
    }

    @Test
    void ripsMarksAreEdgesOfTheBarsLengths() throws BadInputException {
        double[][] points = Inputs.points("example:circle");
        PersistenceDiagrams diagrams = RipsPersistence.ofPoints(points, 1, Double.POSITIVE_INFINITY);
        List<MarkedBars.Bar> marked = MarkedBars.longest(diagrams, 3);
        assertEquals(6, marked.size());
        for (MarkedBars.Bar bar : marked) {
            if (bar.dimension() == 0) {
                assertArrayEquals(new int[0], bar.birthSources()); // points are born at 0, from no edge
            } else {
                assertEquals(bar.birth(), distance(points, bar.birthSources()), 1e-12);
            }
            if (!bar.isEssential()) {
                assertEquals(bar.death(), distance(points, bar.deathSources()), 1e-12);
            }
        }
        // ranks follow length within a dimension
        assertTrue(marked.get(1).death() - marked.get(1).birth() >= marked.get(2).death() - marked.get(2).birth());
        assertEquals(List.of(), MarkedBars.longest(diagrams, 0));
    }

    private static double distance(double[][] points, int[] edge) {
        assertEquals(2, edge.length);
        double dx = points[edge[0]][0] - points[edge[1]][0], dy = points[edge[0]][1] - points[edge[1]][1];
        return Math.hypot(dx, dy);
    }

    @Test
    void ringImageHasOneLongLoop() throws BadInputException {
        Grid ring = Inputs.grid("example:ring");
        PersistenceDiagrams diagrams = LevelSetPersistence.compute(ring.values(), ring.shape(), 1, LevelSet.SUPERLEVEL);
        MarkedBars.Bar loop = MarkedBars.longest(diagrams, 1).get(1);
        assertEquals(1, loop.dimension());
        assertEquals(loop.birth(), ring.values()[loop.birthSources()[0]]);
        assertEquals(loop.death(), ring.values()[loop.deathSources()[0]]);
    }

    @Test
    void representativesFollowTheRanksOfTheMarksAndAreCutAtTheBirth() throws BadInputException {
        double[][] points = Inputs.points("example:circle");
        for (Representatives.Kind kind : Representatives.Kind.values()) {
            RepresentedDiagrams represented = FiltrationSpec.rips(1, Double.POSITIVE_INFINITY)
                    .computePointsWithRepresentatives(points, kind);
            List<MarkedBars.Representative> drawn = MarkedBars.representatives(represented, 2);
            List<MarkedBars.Bar> h1 = MarkedBars.longest(represented.diagrams(), 2).stream()
                    .filter(b -> b.dimension() == 1).toList();
            assertEquals(2, drawn.size()); // H0 is not drawn
            for (int r = 0; r < 2; r++) {
                assertEquals(1, drawn.get(r).dimension());
                assertEquals(h1.get(r).rank(), drawn.get(r).rank());
                int[][] simplices = drawn.get(r).simplices();
                assertTrue(simplices.length >= 1);
                for (int[] edge : simplices) {
                    double length = Math.hypot(points[edge[0]][0] - points[edge[1]][0],
                            points[edge[0]][1] - points[edge[1]][1]);
                    assertTrue(length <= h1.get(r).birth() + 1e-12, "an edge longer than the birth is drawn");
                }
            }
            // the longest bar's cycle goes around: many edges; its cocycle cut at the birth is the birth edge alone
            if (kind == Representatives.Kind.CYCLES) {
                assertTrue(drawn.get(0).simplices().length > 20, drawn.get(0).simplices().length + " edges");
            } else {
                assertEquals(1, drawn.get(0).simplices().length);
            }
        }
    }
}
