package org.topolayer.persistence.cubical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topolayer.persistence.DiagramAssertions.assertSameBars;
import static org.topolayer.persistence.DiagramAssertions.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.grid.LevelSetPersistence;

class CubicalPersistenceTest {
    private static PersistenceDiagrams sub(double[] v, int... shape) {
        return CubicalPersistence.compute(v, shape, shape.length, LevelSet.SUBLEVEL);
    }

    @Test
    void pixelsSharingOnlyACornerAreConnected() {
        double[] antiDiagonal = {1, 0, 0, 1};
        assertEquals("[[0.0, Infinity]]", render(sub(antiDiagonal, 2, 2).get(0)));
        // the Freudenthal triangulation has no edge along this diagonal: two components there
        assertEquals("[[0.0, 1.0], [0.0, Infinity]]", render(LevelSetPersistence.compute(antiDiagonal,
                new int[] {2, 2}, 1, LevelSet.SUBLEVEL).get(0)));
    }

    @Test
    void aRingEnclosesItsCentreEvenThroughADiagonalGap() {
        // the 0-pixels surround the centre; the 9 in a corner opens no 4-connected way out
        double[] ring = {0, 0, 9, 0, 5, 0, 0, 0, 0};
        PersistenceDiagrams d = sub(ring, 3, 3);
        assertEquals("[[0.0, Infinity]]", render(d.get(0)));
        assertEquals("[[0.0, 5.0]]", render(d.get(1)));
        assertEquals("[]", render(d.get(2)));
        // a gap along an edge lets the centre out: no hole
        double[] open = {0, 9, 0, 0, 5, 0, 0, 0, 0};
        assertEquals("[]", render(sub(open, 3, 3).get(1)));
    }

    @Test
    void knownVolumes() {
        double[] shell = new double[27];
        shell[13] = 5; // the centre voxel
        PersistenceDiagrams d = sub(shell, 3, 3, 3);
        assertEquals("[[0.0, Infinity]]", render(d.get(0)));
        assertEquals("[]", render(d.get(1)));
        assertEquals("[[0.0, 5.0]]", render(d.get(2)));
        assertEquals(13, d.get(2).deathSource(0, 0));
        double[] tunnel = new double[18]; // two layers of a 3×3 ring, their centres (4, 13) at 5
        tunnel[4] = 5;
        tunnel[13] = 5;
        d = sub(tunnel, 2, 3, 3);
        assertEquals("[[0.0, 5.0]]", render(d.get(1)));
        assertEquals("[]", render(d.get(2)));
        // superlevel: the centre is the one component, born at 5; at 0 the shell fills the void around it
        d = CubicalPersistence.compute(shell, new int[] {3, 3, 3}, 2, LevelSet.SUPERLEVEL);
        assertEquals("[[5.0, -Infinity]]", render(d.get(0)));
        assertEquals("[]", render(d.get(2)));
    }

    @Test
    void matchesTheExplicitComplexOnRandomImagesWithTies() {
        Random rnd = new Random(18);
        for (int trial = 0; trial < 1500; trial++) {
            int[] shape = trial % 10 == 0 ? new int[] {1 + rnd.nextInt(6)}
                    : new int[] {1 + rnd.nextInt(5), 1 + rnd.nextInt(5)};
            compareWithReference(randomValues(rnd, shape), shape, rnd, "image " + trial);
        }
    }

    @Test
    void matchesTheExplicitComplexOnRandomVolumesWithTies() {
        Random rnd = new Random(19);
        for (int trial = 0; trial < 600; trial++) {
            int[] shape = {1 + rnd.nextInt(3), 1 + rnd.nextInt(3), 2 + rnd.nextInt(2)};
            compareWithReference(randomValues(rnd, shape), shape, rnd, "volume " + trial);
        }
    }

    private static void compareWithReference(double[] v, int[] shape, Random rnd, String what) {
        LevelSet levelSet = rnd.nextBoolean() ? LevelSet.SUBLEVEL : LevelSet.SUPERLEVEL;
        int maxdim = rnd.nextInt(shape.length + 1);
        String context = what + " " + Arrays.toString(shape) + " " + levelSet + " maxdim " + maxdim + " "
                + Arrays.toString(v);
        PersistenceDiagrams fast = CubicalPersistence.compute(v, shape, maxdim, levelSet);
        assertSameBars(CubicalReference.compute(v, shape, maxdim, levelSet), fast, context);
        assertAttributed(fast, v, context);
    }

    /** Each finite birth and death is the value of the top cell it is attributed to. */
    private static void assertAttributed(PersistenceDiagrams d, double[] v, String context) {
        for (Diagram diagram : d) {
            for (int i = 0; i < diagram.size(); i++) {
                assertEquals(diagram.birth(i), v[diagram.birthSource(i, 0)], context + " birth source");
                if (!diagram.isEssential(i)) {
                    assertEquals(diagram.death(i), v[diagram.deathSource(i, 0)], context + " death source");
                } else {
                    assertEquals(-1, diagram.deathSource(i, 0));
                }
            }
        }
    }

    @Test
    void componentsMatchAPlainUnionFindOverEightConnectedPixels() {
        Random rnd = new Random(20);
        for (int trial = 0; trial < 200; trial++) {
            int h = 1 + rnd.nextInt(40), w = 1 + rnd.nextInt(40);
            double[] v = randomValues(rnd, new int[] {h, w});
            assertEquals(plainComponents(v, h, w), render(sub(v, h, w).get(0)), "image " + trial);
        }
    }

    /** H0 by threshold: components of {v ≤ t} as 8-connected pixel sets, the elder rule by (value, index). */
    private static String plainComponents(double[] v, int h, int w) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> v[a] != v[b] ? Double.compare(v[a], v[b]) : Integer.compare(a, b));
        int[] label = new int[v.length]; // component birth pixel, -1 not yet in
        Arrays.fill(label, -1);
        List<double[]> bars = new ArrayList<>();
        for (int p : order) {
            label[p] = p;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int y = p / w + dy, x = p % w + dx;
                    if (y < 0 || x < 0 || y >= h || x >= w || label[y * w + x] < 0) {
                        continue;
                    }
                    int a = label[p], b = label[y * w + x];
                    if (a == b) {
                        continue;
                    }
                    boolean aOlder = v[a] < v[b] || (v[a] == v[b] && a < b);
                    int older = aOlder ? a : b, younger = aOlder ? b : a;
                    if (v[younger] != v[p]) {
                        bars.add(new double[] {v[younger], v[p]});
                    }
                    for (int i = 0; i < v.length; i++) { // relabel: plain and slow
                        if (label[i] == younger) {
                            label[i] = older;
                        }
                    }
                }
            }
        }
        bars.add(new double[] {v[order[0]], Double.POSITIVE_INFINITY});
        bars.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        return Arrays.deepToString(bars.toArray(new double[0][]));
    }

    @Test
    void superlevelIsTheNegatedSublevel() {
        Random rnd = new Random(21);
        int[] shape = {6, 7, 5};
        double[] v = randomValues(rnd, shape);
        double[] negated = Arrays.stream(v).map(x -> -x).toArray();
        PersistenceDiagrams up = CubicalPersistence.compute(v, shape, 2, LevelSet.SUPERLEVEL);
        PersistenceDiagrams down = CubicalPersistence.compute(negated, shape, 2, LevelSet.SUBLEVEL);
        assertTrue(up.isSuperlevel());
        for (int d = 0; d <= 2; d++) {
            double[][] a = up.get(d).toArray();
            double[][] b = down.get(d).toArray();
            for (double[] bar : b) {
                bar[0] = -bar[0] + 0.0;
                bar[1] = -bar[1] + 0.0;
            }
            assertEquals(sorted(b), sorted(a), "H" + d);
        }
    }

    private static String sorted(double[][] bars) {
        double[][] c = bars.clone();
        Arrays.sort(c, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        return Arrays.deepToString(c);
    }

    @Test
    void squeezedAxesChangeNothing() {
        Random rnd = new Random(22);
        double[] v = randomValues(rnd, new int[] {9, 11});
        PersistenceDiagrams image = CubicalPersistence.compute(v, new int[] {9, 11}, 2, LevelSet.SUBLEVEL);
        PersistenceDiagrams slab = CubicalPersistence.compute(v, new int[] {9, 1, 11}, 2, LevelSet.SUBLEVEL);
        for (int d = 0; d <= 2; d++) {
            assertEquals(image.get(d), slab.get(d)); // bars and sources
        }
    }

    @Test
    void badInputsAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CubicalPersistence.compute(new double[5], new int[] {2, 3}, 1, LevelSet.SUBLEVEL));
        assertTrue(e.getMessage().contains("needs 6 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CubicalPersistence.compute(new double[] {0, Double.NaN}, new int[] {2}, 1, LevelSet.SUBLEVEL));
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CubicalPersistence.compute(new double[16], new int[] {2, 2, 2, 2}, 1, LevelSet.SUBLEVEL));
        assertTrue(e.getMessage().contains("4 axes"), e.getMessage());
        assertEquals(0, CubicalPersistence.compute(new double[0], new int[] {0, 3}, 1, LevelSet.SUBLEVEL).get(0).size());
    }

    @Test
    void memoryEstimateAndRemedy() {
        CubicalSize volume = CubicalSize.of(new int[] {64, 64, 64}, 2);
        assertEquals(368.0 * 64 * 64 * 64, volume.bytes(), 1);
        assertEquals("use --maxdim 0", volume.remedy(40_000_000));
        assertTrue(volume.describe().contains("64×64×64 volume up to H2"), volume.describe());
        CubicalSize image = CubicalSize.of(new int[] {1024, 1024}, 1);
        assertEquals(112.0 * 1024 * 1024, image.bytes(), 1);
        assertTrue(image.remedy(1_000_000).startsWith("downsample the input: about 8929 values fit"), image.remedy(1_000_000));
    }

    /** Small integers, so ties are everywhere. */
    static double[] randomValues(Random rnd, int[] shape) {
        int n = 1;
        for (int len : shape) {
            n *= len;
        }
        double[] v = new double[n];
        int levels = 1 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextInt(levels);
        }
        return v;
    }
}
