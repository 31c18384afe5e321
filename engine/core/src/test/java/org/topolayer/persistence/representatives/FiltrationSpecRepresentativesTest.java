package org.topolayer.persistence.representatives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.topolayer.complex.AlphaComplexes;
import org.topolayer.complex.GridComplex;
import org.topolayer.complex.RipsComplex;
import org.topolayer.compute.FiltrationSpec;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.LowerStarPersistence;
import org.topolayer.persistence.PrimeField;
import org.topolayer.persistence.alpha.AlphaMode;

/** Each filtration's representatives through {@link FiltrationSpec}, aligned with its engine's diagrams. */
class FiltrationSpecRepresentativesTest {

    @Test
    void levelSetsOfImagesSignalsAndVolumesWithTies() {
        SplittableRandom rnd = new SplittableRandom(5);
        int[][] shapes = {{5, 6}, {1, 9}, {12}, {3, 3, 3}, {4, 1, 5}};
        for (int trial = 0; trial < 40; trial++) {
            int[] shape = shapes[trial % shapes.length];
            int size = 1;
            for (int len : shape) {
                size *= len;
            }
            double[] values = rnd.ints(size, 0, 4).asDoubleStream().toArray();
            LevelSet levelSet = trial % 2 == 0 ? LevelSet.SUBLEVEL : LevelSet.SUPERLEVEL;
            int maxdim = shape.length == 3 ? 2 : 1;
            FiltrationSpec spec = FiltrationSpec.levelSet(levelSet, maxdim);
            RepresentedDiagrams rep = spec.computeWithRepresentatives(values, shape,
                    trial % 3 == 0 ? Representatives.Kind.COCYCLES : null);
            assertEquals(spec.compute(values, shape).toString(), rep.diagrams().toString());
            Filtration f = LowerStarPersistence.filtration(GridComplex.freudenthal(shape, maxdim + 1), values, maxdim + 1,
                    levelSet);
            new ChainChecks(f, PrimeField.Z2).check(rep);
        }
    }

    @Test
    void alphaRipsMatricesAndComplexes() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int trial = 0; trial < 30; trial++) {
            int n = rnd.nextInt(3, 12);
            double[][] points = new double[n][];
            for (int i = 0; i < n; i++) {
                points[i] = new double[] {rnd.nextInt(6) + 0.01 * i * i, rnd.nextInt(6) + 0.013 * i};
            }
            for (AlphaMode mode : AlphaMode.values()) {
                RepresentedDiagrams rep = FiltrationSpec.alpha(mode, 1).computePointsWithRepresentatives(points, null);
                Filtration f = mode == AlphaMode.EXACT ? AlphaComplexes.exact(points) : AlphaComplexes.weak(points);
                new ChainChecks(f, PrimeField.Z2).check(rep);
                assertEquals(Representatives.Kind.CYCLES, rep.kind());
                new ChainChecks(f, PrimeField.Z2).check(FiltrationSpec.alpha(mode, 1).computePointsWithRepresentatives(
                        points, Representatives.Kind.COCYCLES));
            }
            double[][] d = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    d[i][j] = d[j][i] = rnd.nextInt(1, 5); // ties
                }
            }
            int p = trial % 2 == 0 ? 2 : 3;
            double threshold = trial % 3 == 0 ? 3.0 : Double.POSITIVE_INFINITY;
            RepresentedDiagrams rep = FiltrationSpec.rips(1, threshold).withCoefficients(p)
                    .computeDistancesWithRepresentatives(d, null);
            assertEquals(Representatives.Kind.COCYCLES, rep.kind());
            assertEquals(p, rep.modulus());
            new ChainChecks(RipsComplex.ofDistanceMatrix(d, 2, threshold), PrimeField.of(p)).check(rep);
        }
    }

    @Test
    void cubicalAndOversizedInputsAreRefusedInOneLine() {
        IllegalArgumentException cubical = assertThrows(IllegalArgumentException.class,
                () -> FiltrationSpec.cubical(LevelSet.SUBLEVEL, 1).computeWithRepresentatives(new double[4], new int[] {2, 2}, null));
        assertTrue(cubical.getMessage().contains("level-set"), cubical.getMessage());
        double[][] points = new double[2100][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {i, i % 7};
        }
        IllegalArgumentException large = assertThrows(IllegalArgumentException.class,
                () -> FiltrationSpec.rips(1, Double.POSITIVE_INFINITY).computePointsWithRepresentatives(points, null));
        assertTrue(large.getMessage().contains("" + Representatives.MAX_SIMPLICES) && !large.getMessage().contains("\n"),
                large.getMessage());
    }
}
