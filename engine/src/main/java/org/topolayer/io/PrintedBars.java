package org.topolayer.io;

import java.util.Arrays;
import org.topolayer.persistence.Diagram;
import org.topolayer.util.IntSort;

/** What the diagram writers print of a diagram, and how they spell a value. */
final class PrintedBars {
    private PrintedBars() {
    }

    /**
     * Indices of the bars to print, sorted by birth then death: zero-length bars are left out
     * unless kept (ARCHITECTURE §3). The order is established here because it is part of the output
     * format, whatever order a diagram holds its bars in.
     */
    static int[] select(Diagram diagram, boolean keepZeroLength) {
        int[] chosen = new int[diagram.size()];
        int count = 0;
        for (int i = 0; i < diagram.size(); i++) {
            if (keepZeroLength || diagram.birth(i) != diagram.death(i)) {
                chosen[count++] = i;
            }
        }
        int[] order = Arrays.copyOf(chosen, count);
        IntSort.sort(order, (a, b) -> {
            int c = Double.compare(diagram.birth(a) + 0.0, diagram.birth(b) + 0.0);
            return c != 0 ? c : Double.compare(diagram.death(a) + 0.0, diagram.death(b) + 0.0);
        });
        return order;
    }

    /** {@code Double.toString} in full precision, "inf"/"-inf" for infinities, and no negative zero. */
    static String number(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value + 0.0); // -0.0 + 0.0 is 0.0
    }
}
