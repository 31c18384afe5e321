package org.topolayer.persistence.alpha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.topolayer.complex.AlphaComplexes;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.ReferenceReduction;

/**
 * The union-find / Alexander-duality path against the textbook reduction of the explicit
 * filtration. Both see the same values and the same total order, so the diagrams must agree
 * exactly: every bar (zero-length ones too) with its attribution, as a multiset per dimension.
 */
class AlphaPersistencePropertyTest {
    private static final int INPUTS_PER_KIND = 1200;

    @Test
    void weak2d() {
        check(2, AlphaPersistence::weak, AlphaComplexes::weak, 11);
    }

    @Test
    void exact2d() {
        check(2, AlphaPersistence::exact, AlphaComplexes::exact, 12);
    }

    @Test
    void weak1d() {
        check(1, AlphaPersistence::weak, AlphaComplexes::weak, 13);
    }

    @Test
    void exact1d() {
        check(1, AlphaPersistence::exact, AlphaComplexes::exact, 14);
    }

    private static void check(int dim, BiFunction<double[][], Integer, PersistenceDiagrams> fast,
                              Function<double[][], Filtration> explicit, long seed) {
        Random rnd = new Random(seed);
        int cycles = 0;
        for (int i = 0; i < INPUTS_PER_KIND; i++) {
            double[][] points = RandomClouds.any(rnd, dim, i);
            PersistenceDiagrams got = fast.apply(points, 2);
            PersistenceDiagrams want = ReferenceReduction.compute(explicit.apply(points), 2);
            for (int d = 0; d <= 2; d++) {
                String where = "H" + d + " of " + Arrays.deepToString(points);
                assertEquals(bars(want.get(d)), bars(got.get(d)), where);
            }
            assertTrue(got.get(2).size() == 0);
            SourceCheck.assertSourcesReproduceValues(points, got);
            cycles += got.get(1).size();
        }
        if (dim == 2) {
            assertTrue(cycles > INPUTS_PER_KIND / 10, "the clouds should have H1 bars, got " + cycles);
        }
    }

    /** The diagram as a sorted multiset of "birth death | birth sources | death sources". */
    static List<String> bars(Diagram d) {
        List<String> out = new ArrayList<>();
        ValueModel m = d.valueModel();
        for (int i = 0; i < d.size(); i++) {
            StringBuilder sb = new StringBuilder().append(d.birth(i)).append(' ').append(d.death(i)).append(" |");
            for (int k = 0; k < m.sourcesPerValue(); k++) {
                sb.append(' ').append(d.birthSource(i, k));
            }
            sb.append(" |");
            for (int k = 0; k < m.sourcesPerValue(); k++) {
                sb.append(' ').append(d.deathSource(i, k));
            }
            out.add(sb.toString());
        }
        out.sort(null);
        return out;
    }
}
