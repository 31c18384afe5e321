package org.topolayer.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.representatives.Chain;
import org.topolayer.persistence.representatives.RepresentedDiagrams;

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

    /**
     * The representative (cycle or cocycle, {@link RepresentedDiagrams}) of a long bar: its
     * simplices as vertex lists (pixel indices of an image, point indices of a cloud). {@code rank}
     * is the bar's rank within its dimension, as in {@link Bar}.
     */
    public record Representative(int dimension, int rank, int[][] simplices) {}

    /** The {@code perDimension} longest bars of every dimension (fewer when a diagram has fewer). */
    public static List<Bar> longest(PersistenceDiagrams diagrams, int perDimension) {
        if (perDimension < 0) {
            throw new IllegalArgumentException("bars to mark must be 0 or more, got " + perDimension);
        }
        List<Bar> marked = new ArrayList<>();
        for (Diagram d : diagrams) {
            int[] order = longestFirst(d, perDimension);
            for (int r = 0; r < order.length; r++) {
                int i = order[r];
                marked.add(new Bar(d.dimension(), r + 1, d.birth(i), d.death(i), sources(d, i, true),
                        sources(d, i, false), d.valueModel()));
            }
        }
        return marked;
    }

    /**
     * The representatives of the {@code perDimension} longest bars of every dimension from 1 up (an
     * H0 representative is a pair of points, not worth drawing), ranked as {@link #longest} ranks,
     * restricted to the simplices that enter by the bar's birth: all of a cycle; of a cocycle, the
     * cut it makes in the complex at the birth (its later simplices reach across the whole input).
     */
    public static List<Representative> representatives(RepresentedDiagrams represented, int perDimension) {
        if (perDimension < 0) {
            throw new IllegalArgumentException("representatives to draw must be 0 or more, got " + perDimension);
        }
        List<Representative> out = new ArrayList<>();
        for (Diagram d : represented.diagrams()) {
            if (d.dimension() == 0) {
                continue;
            }
            int[] order = longestFirst(d, perDimension);
            for (int r = 0; r < order.length; r++) {
                Chain chain = represented.representative(d.dimension(), order[r]);
                double sign = represented.diagrams().isSuperlevel() ? -1 : 1;
                double birth = sign * d.birth(order[r]);
                List<int[]> simplices = new ArrayList<>();
                for (int i = 0; i < chain.size(); i++) {
                    if (sign * chain.value(i) <= birth) {
                        simplices.add(chain.simplex(i));
                    }
                }
                out.add(new Representative(d.dimension(), r + 1, simplices.toArray(new int[0][])));
            }
        }
        return out;
    }

    /** The indices of the {@code limit} longest bars, longest first; ties keep diagram order. */
    private static int[] longestFirst(Diagram d, int limit) {
        return IntStream.range(0, d.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -d.persistence(i)))
                .limit(limit).mapToInt(Integer::intValue).toArray();
    }

    private static int[] sources(Diagram d, int bar, boolean birth) {
        return IntStream.range(0, d.valueModel().sourcesPerValue())
                .map(k -> birth ? d.birthSource(bar, k) : d.deathSource(bar, k))
                .filter(s -> s >= 0).toArray();
    }
}
