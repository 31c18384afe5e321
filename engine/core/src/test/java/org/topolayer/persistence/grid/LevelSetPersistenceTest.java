package org.topolayer.persistence.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topolayer.persistence.DiagramAssertions.assertSameBars;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.topolayer.complex.GridComplex;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.LowerStarPersistence;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.ReferenceReduction;

class LevelSetPersistenceTest {

    private static PersistenceDiagrams reference(double[] values, int[] shape, int maxDim, boolean superlevel) {
        Filtration f = LowerStarPersistence.filtration(GridComplex.freudenthal(shape, maxDim + 1), values, maxDim + 1,
                levelSet(superlevel));
        return ReferenceReduction.compute(f, maxDim);
    }

    /** Random values of one of several kinds: continuous, small integers (many ties), constant. */
    private static double[] randomValues(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        int kind = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case 0 -> rnd.nextDouble();
                case 1 -> rnd.nextInt(3);
                case 2 -> 7.0;
                default -> rnd.nextInt(20) - 10;
            };
        }
        return v;
    }

    @Test
    void imagesMatchReferenceReduction() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 1500; trial++) {
            int h = rnd.nextInt(1, 8), w = rnd.nextInt(1, 8);
            int[] shape = rnd.nextInt(5) == 0 ? new int[] {h * w} : new int[] {h, w};
            double[] values = randomValues(rnd, h * w);
            boolean superlevel = rnd.nextBoolean();
            int maxDim = rnd.nextInt(3);
            assertSameBars(reference(values, shape, maxDim, superlevel),
                    LevelSetPersistence.compute(values, shape, maxDim, levelSet(superlevel)), "trial " + trial);
        }
    }

    /** The bars of each dimension with their birth and death pixels, sorted, as text. */
    private static String barsWithSources(PersistenceDiagrams pd) {
        StringBuilder out = new StringBuilder();
        for (Diagram d : pd) {
            java.util.List<String> bars = new java.util.ArrayList<>();
            for (int i = 0; i < d.size(); i++) {
                bars.add(d.birth(i) + "@" + d.birthSource(i, 0) + " " + d.death(i) + "@" + d.deathSource(i, 0));
            }
            java.util.Collections.sort(bars);
            out.append('H').append(d.dimension()).append(bars).append('\n');
        }
        return out.toString();
    }

    /**
     * Larger images than above: smooth fields with noise, flat regions with few levels (like
     * digits), or a handful of integers. Without ties the attribution must match too; with ties
     * the reference orders equal simplices differently (not by their highest pixel's rank), so
     * only the bars are compared.
     */
    @Test
    void largerImagesMatchReferenceReduction() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int trial = 0; trial < 12; trial++) {
            int h = rnd.nextInt(12, 30), w = rnd.nextInt(12, 30);
            double[] values = new double[h * w];
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    double smooth = Math.sin(r * 0.7 + trial) * Math.cos(c * 0.5);
                    values[r * w + c] = switch (trial % 3) {
                        case 0 -> smooth + 0.3 * rnd.nextDouble();
                        case 1 -> smooth < 0 ? 0 : Math.round(smooth * 8) / 8.0;
                        default -> rnd.nextInt(5);
                    };
                }
            }
            boolean superlevel = trial % 2 == 0;
            int[] shape = {h, w};
            PersistenceDiagrams expected = reference(values, shape, 1, superlevel);
            PersistenceDiagrams actual = LevelSetPersistence.compute(values, shape, 1, levelSet(superlevel));
            if (trial % 3 == 0) {
                assertEquals(barsWithSources(expected), barsWithSources(actual), "trial " + trial);
            } else {
                assertSameBars(expected, actual, "trial " + trial);
            }
        }
    }

    @Test
    void volumesMatchReferenceReduction() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int trial = 0; trial < 1000; trial++) {
            int[] shape = {rnd.nextInt(1, 4), rnd.nextInt(1, 4), rnd.nextInt(1, 5)};
            double[] values = randomValues(rnd, shape[0] * shape[1] * shape[2]);
            boolean superlevel = rnd.nextBoolean();
            assertSameBars(reference(values, shape, 2, superlevel),
                    LevelSetPersistence.compute(values, shape, 2, levelSet(superlevel)), "trial " + trial);
        }
    }

    /** H0 alone of a volume (FreudenthalVolumePersistence: union-find only): the same bars as the reduction. */
    @Test
    void volumeComponentsMatchReferenceReduction() {
        SplittableRandom rnd = new SplittableRandom(14);
        for (int trial = 0; trial < 1500; trial++) {
            int[] shape = {rnd.nextInt(1, 6), rnd.nextInt(1, 6), rnd.nextInt(1, 6)};
            double[] values = randomValues(rnd, shape[0] * shape[1] * shape[2]);
            boolean superlevel = rnd.nextBoolean();
            PersistenceDiagrams expected = reference(values, shape, 0, superlevel);
            assertSameBars(expected, LevelSetPersistence.compute(values, shape, 0, levelSet(superlevel)),
                    "trial " + trial);
            if (LevelSetPersistence.isVolume(shape)) {
                assertSameBars(expected, new FreudenthalVolumePersistence().compute(values, shape[0], shape[1],
                        shape[2], 0, superlevel), "direct, trial " + trial);
            }
        }
    }

    /** Larger volumes, H0: the birth and death voxels match the reduction's too, with ties or without. */
    @Test
    void largerVolumeComponentsMatchReferenceReductionWithTheirVoxels() {
        SplittableRandom rnd = new SplittableRandom(15);
        for (int trial = 0; trial < 8; trial++) {
            int[] shape = {rnd.nextInt(6, 12), rnd.nextInt(6, 12), rnd.nextInt(6, 12)};
            int n = shape[0] * shape[1] * shape[2];
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                double smooth = Math.sin(i * 0.37 + trial) * Math.cos(i * 0.11);
                values[i] = trial % 2 == 0 ? smooth + 0.3 * rnd.nextDouble() : Math.round(smooth * 4) / 4.0;
            }
            boolean superlevel = trial % 4 < 2;
            PersistenceDiagrams expected = reference(values, shape, 0, superlevel);
            PersistenceDiagrams actual = LevelSetPersistence.compute(values, shape, 0, levelSet(superlevel));
            assertTrue(expected.get(0).size() > 3, "some bars");
            assertEquals(barsWithSources(expected), barsWithSources(actual), "trial " + trial);
        }
    }

    @Test
    void emptyAndSinglePixel() {
        PersistenceDiagrams empty = LevelSetPersistence.compute(new double[0], new int[] {0, 5}, 1, LevelSet.SUBLEVEL);
        assertEquals(0, empty.get(0).size());
        assertEquals(0, empty.get(1).size());
        PersistenceDiagrams one = LevelSetPersistence.compute(new double[] {3}, new int[] {1, 1}, 1, LevelSet.SUBLEVEL);
        assertEquals(1, one.get(0).size());
        assertEquals(3.0, one.get(0).birth(0));
        assertTrue(one.get(0).isEssential(0));
    }

    @Test
    void ringImageHasOneHole() {
        int n = 32;
        double[] img = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double rad = Math.hypot(r - 15.5, c - 15.5);
                img[r * n + c] = Math.abs(rad - 10); // low on a ring of radius 10
            }
        }
        PersistenceDiagrams d = LevelSetPersistence.compute(img, new int[] {n, n}, 1, LevelSet.SUBLEVEL);
        Diagram h1 = d.get(1);
        int longBars = 0;
        for (int i = 0; i < h1.size(); i++) {
            if (h1.persistence(i) > 5) {
                longBars++;
                assertTrue(h1.death(i) > 9, "the hole fills at the centre, ~9.3 below the ring");
            }
        }
        assertEquals(1, longBars);
        Diagram h0 = d.get(0);
        int significant = 0;
        for (int i = 0; i < h0.size(); i++) {
            significant += h0.persistence(i) > 1 ? 1 : 0;
        }
        assertEquals(1, significant, "one component (the essential bar); the rest is discretisation noise");
    }

    @Test
    void superlevelMirrorsSublevelOfNegation() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int h = rnd.nextInt(1, 9), w = rnd.nextInt(1, 9);
            double[] f = randomValues(rnd, h * w);
            double[] neg = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                neg[i] = -f[i];
            }
            PersistenceDiagrams sup = LevelSetPersistence.compute(f, new int[] {h, w}, 1, LevelSet.SUPERLEVEL);
            PersistenceDiagrams sub = LevelSetPersistence.compute(neg, new int[] {h, w}, 1, LevelSet.SUBLEVEL);
            for (int d = 0; d <= 1; d++) {
                Diagram a = sup.get(d), b = sub.get(d);
                assertEquals(b.size(), a.size());
                for (int i = 0; i < a.size(); i++) {
                    // bars are sorted ascending in each; negation reverses birth order
                    int j = a.size() - 1 - i;
                    assertEquals(-b.birth(j) + 0.0, a.birth(i) + 0.0);
                }
                assertTrue(a.size() == 0 || sup.isSuperlevel());
            }
        }
    }

    @Test
    void attributionPointsAtPixelsWithTheReportedValue() {
        SplittableRandom rnd = new SplittableRandom(8);
        for (int trial = 0; trial < 200; trial++) {
            int h = rnd.nextInt(2, 10), w = rnd.nextInt(2, 10);
            double[] f = randomValues(rnd, h * w);
            boolean superlevel = rnd.nextBoolean();
            PersistenceDiagrams pd = LevelSetPersistence.compute(f, new int[] {h, w}, 1, levelSet(superlevel));
            for (Diagram d : pd) {
                for (int i = 0; i < d.size(); i++) {
                    assertEquals(d.birth(i), f[d.birthSource(i, 0)]);
                    if (!d.isEssential(i)) {
                        assertEquals(d.death(i), f[d.deathSource(i, 0)]);
                    } else {
                        assertEquals(-1, d.deathSource(i, 0));
                        assertEquals(superlevel ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, d.death(i));
                    }
                }
            }
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> LevelSetPersistence.compute(new double[] {1, Double.NaN}, new int[] {2}, 1, LevelSet.SUBLEVEL));
        assertThrows(IllegalArgumentException.class,
                () -> LevelSetPersistence.compute(new double[] {1, 2, 3}, new int[] {2, 2}, 1, LevelSet.SUBLEVEL));
        assertThrows(IllegalArgumentException.class,
                () -> LevelSetPersistence.compute(new double[] {1}, new int[] {1}, -1, LevelSet.SUBLEVEL));
        assertThrows(IllegalArgumentException.class,
                () -> LevelSetPersistence.compute(new double[] {1}, new int[] {1, 1, 1, 1}, 1, LevelSet.SUBLEVEL));
    }

    private static LevelSet levelSet(boolean superlevel) {
        return superlevel ? LevelSet.SUPERLEVEL : LevelSet.SUBLEVEL;
    }
}
