package org.topolayer.persistence.representatives;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.topolayer.filtration.Filtration;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.PrimeField;

/**
 * Representative cycles and cocycles of the bars of computed diagrams: a column reduction of the
 * explicit filtration that keeps its reduction matrix ({@link ChainReduction}), its pairs matched
 * to the given diagrams' bars by their values.
 *
 * <p>What a representative is, for a bar [b, d) of dimension k ({@link Kind}):
 * <ul>
 *   <li>cycle: a k-cycle (boundary zero) all of whose simplices enter at or before b, one of them
 *       at b; it is not a boundary before d, and for a finite bar it is the boundary of a chain of
 *       simplices entering at or before d. An H0 cycle of a finite bar is the difference of the
 *       component's youngest vertex and a vertex of the older component it merges into;</li>
 *   <li>cocycle (as Ripser prints them): a k-cochain whose simplices enter at or after b, one of
 *       them at b, whose coboundary vanishes on every simplex entering before d (on the whole
 *       complex for an essential bar).</li>
 * </ul>
 * Coefficients are in Z/p; over Z/p the simplex that gives the birth has coefficient 1.
 *
 * <p>Limits: the explicit filtration (simplices up to dimension maxdim + 1) is built and reduced
 * with its reduction matrix; callers refuse inputs of more than {@value #MAX_SIMPLICES} simplices
 * ({@link #checkSize}). Time and memory grow with the fill-in of the reduction, beyond that
 * linear bound on inputs with long-lived classes in noise.
 */
public final class Representatives {
    /** Cycles by homology, or cocycles by cohomology. */
    public enum Kind {
        CYCLES, COCYCLES;

        /** "cycle" or "cocycle": the spelling of outputs. */
        public String singular() {
            return this == CYCLES ? "cycle" : "cocycle";
        }
    }

    /** The largest explicit filtration representatives are computed on. */
    public static final int MAX_SIMPLICES = 2_000_000;

    private Representatives() {}

    /**
     * Refuses an explicit filtration of more than {@value #MAX_SIMPLICES} simplices.
     *
     * @param simplices the number of simplices up to dimension maxdim + 1 (an upper bound, or a count stopped past the limit)
     * @param fix       what the user can do, e.g. "use a --threshold or fewer points"
     * @throws IllegalArgumentException in one line naming the count, the limit and the fix
     */
    public static void checkSize(long simplices, String fix) {
        if (simplices > MAX_SIMPLICES) {
            throw new IllegalArgumentException("representatives are computed on the explicit complex, and this one has"
                    + " more than the " + MAX_SIMPLICES + " simplices allowed; " + fix);
        }
    }

    /**
     * The representatives of the bars of {@code diagrams}, which must be the diagrams of {@code f}
     * (any algorithm) over {@code field}; {@code f} holds every simplex up to dimension
     * {@code diagrams.maxDimension() + 1}.
     *
     * @throws IllegalArgumentException when {@code f} is larger than {@value #MAX_SIMPLICES} simplices
     * @throws IllegalStateException    when the reduction's bars differ from the diagrams' (they are not of f)
     */
    public static RepresentedDiagrams of(PersistenceDiagrams diagrams, Filtration f, Kind kind, PrimeField field) {
        checkSize(f.size(), "use a smaller input or a lower maxdim");
        if ((f.reportSign() < 0) != diagrams.isSuperlevel()) {
            throw new IllegalArgumentException("the filtration is " + (f.reportSign() < 0 ? "superlevel" : "sublevel")
                    + " but the diagrams are not");
        }
        int maxDimension = diagrams.maxDimension();
        List<ChainReduction.Pair> pairs = kind == Kind.CYCLES ? ChainReduction.cycles(f, maxDimension, field)
                : ChainReduction.cocycles(f, maxDimension, field);
        List<List<Bar>> byDimension = new ArrayList<>();
        for (int d = 0; d <= maxDimension; d++) {
            byDimension.add(new ArrayList<>());
        }
        int sign = f.reportSign();
        for (ChainReduction.Pair p : pairs) {
            int dim = f.dimension(p.birth());
            if (p.death() >= 0 && f.value(p.birth()) == f.value(p.death())) {
                continue; // zero-length: not a bar of the diagrams
            }
            double birth = sign * f.value(p.birth()) + 0.0;
            double death = p.death() < 0 ? sign * Double.POSITIVE_INFINITY : sign * f.value(p.death()) + 0.0;
            byDimension.get(dim).add(new Bar(birth, death, chain(f, dim, field, p)));
        }
        Chain[][] chains = new Chain[maxDimension + 1][];
        for (int d = 0; d <= maxDimension; d++) {
            chains[d] = aligned(diagrams.get(d), byDimension.get(d));
        }
        return new RepresentedDiagrams(diagrams, kind, field.modulus(), chains);
    }

    private record Bar(double birth, double death, Chain chain) {}

    /** The chains in the diagram's bar order: both sorted by (birth, death), equal values in any order. */
    private static Chain[] aligned(Diagram diagram, List<Bar> bars) {
        bars.sort((a, b) -> {
            int c = Double.compare(a.birth(), b.birth());
            return c != 0 ? c : Double.compare(a.death(), b.death());
        });
        if (bars.size() != diagram.size()) {
            throw new IllegalStateException("H" + diagram.dimension() + ": the representatives' reduction found "
                    + bars.size() + " bars, the diagram has " + diagram.size());
        }
        Chain[] out = new Chain[bars.size()];
        for (int i = 0; i < out.length; i++) {
            Bar bar = bars.get(i);
            if (Double.compare(bar.birth(), diagram.birth(i)) != 0 || Double.compare(bar.death(), diagram.death(i)) != 0) {
                throw new IllegalStateException("H" + diagram.dimension() + " bar " + i + ": the representatives'"
                        + " reduction found (" + bar.birth() + ", " + bar.death() + "), the diagram has ("
                        + diagram.birth(i) + ", " + diagram.death(i) + ")");
            }
            out[i] = bar.chain();
        }
        return out;
    }

    private static Chain chain(Filtration f, int dimension, PrimeField field, ChainReduction.Pair p) {
        int[][] simplices = new int[p.simplices().length][];
        double[] values = new double[simplices.length];
        for (int i = 0; i < simplices.length; i++) {
            simplices[i] = f.vertices(p.simplices()[i]);
            values[i] = f.reportSign() * f.value(p.simplices()[i]) + 0.0;
        }
        return new Chain(dimension, field.modulus(), simplices, Arrays.copyOf(p.coefficients(),
                p.coefficients().length), values);
    }
}
