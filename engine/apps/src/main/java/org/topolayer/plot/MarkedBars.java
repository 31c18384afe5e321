package org.topolayer.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * The longest bars of each dimension with the input entries their birth and death come from
 * ({@link Diagram#birthSource}): the critical pixel of a level set, the two end points of a Rips
 * or alpha edge. The figures mark these entries on the input, so one sees where a feature is born
 * and where it dies.
 */
public final class MarkedBars {
    private MarkedBars() {}

    /**
     * One marked bar. {@code rank} counts from 1 within its dimension (1 = longest; essential bars
     * first). Sources are the input entries of the birth and death values without the unused -1
     * slots: empty for a vertex born at 0 in Rips/alpha and for an essential death.
     */
    public record Bar(int dimension, int rank, double birth, double death, int[] birthSources, int[] deathSources,
                      ValueModel model) {
        public boolean isEssential() {
            return Double.isInfinite(death);
        }
    }

    /** The {@code perDimension} longest bars of every dimension (fewer when a diagram has fewer). */
    public static List<Bar> longest(PersistenceDiagrams diagrams, int perDimension) {
        if (perDimension < 0) {
            throw new IllegalArgumentException("bars to mark must be 0 or more, got " + perDimension);
        }
        List<Bar> marked = new ArrayList<>();
        for (Diagram d : diagrams) {
            int[] order = IntStream.range(0, d.size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -d.persistence(i))) // stable: ties keep diagram order
                    .limit(perDimension).mapToInt(Integer::intValue).toArray();
            for (int r = 0; r < order.length; r++) {
                int i = order[r];
                marked.add(new Bar(d.dimension(), r + 1, d.birth(i), d.death(i), sources(d, i, true),
                        sources(d, i, false), d.valueModel()));
            }
        }
        return marked;
    }

    private static int[] sources(Diagram d, int bar, boolean birth) {
        return IntStream.range(0, d.valueModel().sourcesPerValue())
                .map(k -> birth ? d.birthSource(bar, k) : d.deathSource(bar, k))
                .filter(s -> s >= 0).toArray();
    }
}
