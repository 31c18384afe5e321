package org.topolayer.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;

/** Compares diagrams as multisets of bars (zero-length bars are never kept, so tie-breaking cannot show). */
public final class DiagramAssertions {
    private DiagramAssertions() {}

    public static void assertSameBars(PersistenceDiagrams expected, PersistenceDiagrams actual, String context) {
        assertEquals(expected.maxDimension(), actual.maxDimension(), context + ": maxdim");
        for (int d = 0; d <= expected.maxDimension(); d++) {
            String e = render(expected.get(d));
            String a = render(actual.get(d));
            assertEquals(e, a, context + ": H" + d);
        }
    }

    /** The bars of a diagram, sorted, as text (exact doubles). */
    public static String render(Diagram d) {
        double[][] bars = d.toArray();
        Arrays.sort(bars, Comparator.<double[]>comparingDouble(b -> b[0]).thenComparingDouble(b -> b[1]));
        return Arrays.deepToString(bars);
    }
}
