package org.topolayer.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.topolayer.complex.SimplicialComplex;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.LowerStarPersistence;
import org.topolayer.persistence.alpha.AlphaMode;
import org.topolayer.persistence.alpha.AlphaPersistence;
import org.topolayer.persistence.grid.LevelSetPersistence;
import org.topolayer.persistence.rips.RipsPersistence;

/** The one filtration specification: names round-trip, each kind runs its algorithm, wrong inputs are refused. */
class FiltrationSpecTest {
    @Test
    void namesRoundTrip() {
        for (String name : List.of("sublevel", "superlevel", "cubical", "cubical-superlevel", "rips", "alpha",
                "alpha-exact", "lower-star-sublevel", "lower-star-superlevel")) {
            FiltrationSpec spec = FiltrationSpec.named(name, 1, 2.5);
            assertEquals(name, spec.name());
            assertEquals(spec, FiltrationSpec.named(" " + name.toUpperCase() + " ", 1, 2.5));
        }
        assertEquals(2.5, FiltrationSpec.named("rips", 1, 2.5).threshold());
        assertEquals(Double.POSITIVE_INFINITY, FiltrationSpec.named("alpha", 1, 2.5).threshold(), "only Rips keeps it");
        String message = assertThrows(IllegalArgumentException.class, () -> FiltrationSpec.named("cech", 1, 1)).getMessage();
        assertTrue(message.contains("'cech'")
                && message.contains("sublevel, superlevel, cubical, cubical-superlevel, rips, alpha, alpha-exact"), message);
        assertEquals(FiltrationSpec.cubical(LevelSet.SUBLEVEL, 1), FiltrationSpec.named("cubical-sublevel", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> FiltrationSpec.rips(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> FiltrationSpec.rips(1, 0));
    }

    @Test
    void coefficientsAreRipsAndLowerStarOnly() {
        FiltrationSpec rips = FiltrationSpec.rips(2, 1.5);
        assertEquals(2, rips.coefficientModulus());
        FiltrationSpec z3 = rips.withCoefficients(3);
        assertEquals(3, z3.coefficientModulus());
        assertEquals(rips, rips.withCoefficients(2));
        assertTrue(!z3.equals(rips) && z3.toString().endsWith(", Z/3)"), z3.toString());
        double[][] points = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0.5, 0.5}};
        assertEquals(RipsPersistence.ofPoints(points, 2, 1.5, 3).toString(), z3.computePoints(points).toString());
        assertEquals(5, FiltrationSpec.lowerStar(LevelSet.SUBLEVEL, 1).withCoefficients(5).coefficientModulus());
        assertEquals(2, FiltrationSpec.named("alpha", 1, 1).withCoefficients(2).coefficientModulus());
        String levelSet = assertThrows(IllegalArgumentException.class,
                () -> FiltrationSpec.named("sublevel", 1, 1).withCoefficients(3)).getMessage();
        assertTrue(levelSet.contains("the sublevel filtration is computed over Z/2"), levelSet);
        String notPrime = assertThrows(IllegalArgumentException.class, () -> rips.withCoefficients(1)).getMessage();
        assertTrue(notPrime.contains("must be a prime below 32768"), notPrime);
    }

    @Test
    void eachKindComputesWhatItsAlgorithmComputes() {
        Random random = new Random(7);
        double[] image = new double[6 * 5];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextInt(4); // ties
        }
        int[] shape = {6, 5};
        assertEquals(LevelSetPersistence.compute(image, shape, 1, LevelSet.SUPERLEVEL).toString(),
                FiltrationSpec.named("superlevel", 1, 1).compute(image, shape).toString());
        assertEquals(org.topolayer.persistence.cubical.CubicalPersistence.compute(image, shape, 1, LevelSet.SUPERLEVEL)
                .toString(), FiltrationSpec.named("cubical-superlevel", 1, 1).compute(image, shape).toString());
        assertEquals(org.topolayer.persistence.cubical.CubicalSize.of(shape, 1).bytes(),
                FiltrationSpec.named("cubical", 1, 1).estimateGrid(shape).bytes());
        double[] flat = new double[20 * 2];
        double[][] points = new double[20][2];
        for (int i = 0; i < 20; i++) {
            points[i][0] = flat[2 * i] = random.nextDouble();
            points[i][1] = flat[2 * i + 1] = random.nextDouble();
        }
        int[] cloud = {20, 2};
        assertEquals(RipsPersistence.ofPoints(points, 1, 0.5).toString(),
                FiltrationSpec.rips(1, 0.5).compute(flat, cloud).toString());
        assertEquals(AlphaPersistence.exact(points, 1).toString(),
                FiltrationSpec.alpha(AlphaMode.EXACT, 1).computePoints(points).toString());
        assertEquals(AlphaPersistence.weak(points, 1).toString(), FiltrationSpec.named("alpha", 1, 1).compute(flat, cloud).toString());
        SimplicialComplex triangle = SimplicialComplex.builder().add(0, 1).add(1, 2).add(0, 2).build();
        double[] values = {0, 2, 1};
        assertEquals(LowerStarPersistence.compute(triangle, values, 1, LevelSet.SUBLEVEL).toString(),
                FiltrationSpec.lowerStar(LevelSet.SUBLEVEL, 1).computeComplex(triangle, values).toString());
        assertTrue(FiltrationSpec.rips(1, 0.5).estimate(flat, cloud).bytes() > 0);
        int[] grid = {64, 48};
        assertEquals(org.topolayer.persistence.grid.GridSize.of(grid, 1).bytes(),
                FiltrationSpec.levelSet(LevelSet.SUPERLEVEL, 1).estimateGrid(grid).bytes());
        assertThrows(IllegalArgumentException.class, () -> FiltrationSpec.rips(1, 0.5).estimateGrid(grid));
    }

    @Test
    void inputsAKindDoesNotTakeAreRefused() {
        FiltrationSpec levelSet = FiltrationSpec.levelSet(LevelSet.SUBLEVEL, 1);
        assertEquals("the sublevel filtration does not take points",
                assertThrows(IllegalArgumentException.class, () -> levelSet.computePoints(new double[][] {{0}})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FiltrationSpec.alpha(AlphaMode.WEAK, 1).computeDistances(new double[][] {{0}}));
        FiltrationSpec lowerStar = FiltrationSpec.lowerStar(LevelSet.SUBLEVEL, 1);
        assertThrows(IllegalArgumentException.class, () -> lowerStar.compute(new double[1], new int[] {1}));
        String shape = assertThrows(IllegalArgumentException.class,
                () -> FiltrationSpec.rips(1, 1).compute(new double[5], new int[] {2, 2})).getMessage();
        assertTrue(shape.contains("shape [2, 2] and 5 values"), shape);
    }
}
