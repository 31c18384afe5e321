package org.topolayer.persistence;

import java.util.Arrays;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.ValueModel;
import org.topolayer.util.ValueOrder;

/**
 * Gathers bars from any persistence algorithm, in sublevel-form values with their sources, and
 * turns them into {@link PersistenceDiagrams} in reported units. Zero-length bars (birth value =
 * death value) are dropped on arrival: they are an artefact of the tie-break, carry no gradient
 * and would otherwise outnumber the real bars (every non-critical pixel of an image makes one).
 * One collector serves one input; algorithms that reuse buffers across samples can {@link #reset} it.
 * <p>Internal: shared by the algorithm packages below {@code org.topolayer.persistence}, not API
 * (a module rule, {@code ModuleBoundariesTest}, keeps other packages off it).
 */
public final class DiagramCollector {
    private final ValueModel model;
    private final int stride;
    private int maxDimension;
    private int reportSign;
    private Bars[] bars;
    private final ValueOrder barOrder = new ValueOrder();

    public DiagramCollector(ValueModel model, int maxDimension, int reportSign) {
        this.model = model;
        this.stride = model.sourcesPerValue();
        reset(maxDimension, reportSign);
    }

    public static DiagramCollector forFiltration(Filtration f, int maxDimension) {
        return new DiagramCollector(f.valueModel(), maxDimension, f.reportSign());
    }

    public void reset(int maxDimension, int reportSign) {
        if (maxDimension < 0) {
            throw new IllegalArgumentException("maxdim must be ≥ 0, got " + maxDimension);
        }
        this.maxDimension = maxDimension;
        this.reportSign = reportSign;
        if (bars == null || bars.length != maxDimension + 1) {
            bars = new Bars[maxDimension + 1];
            for (int d = 0; d <= maxDimension; d++) {
                bars[d] = new Bars(stride);
            }
        } else {
            for (Bars b : bars) {
                b.size = 0;
            }
        }
    }

    public int maxDimension() {
        return maxDimension;
    }

    /** Adds a finite bar (ignored if zero-length); sources are the input entries of each value (-1 padded). */
    public void add(int dim, double birth, double death, int b0, int b1, int b2, int d0, int d1, int d2) {
        if (birth != death) {
            bars[dim].add(birth, death, b0, b1, b2, d0, d1, d2);
        }
    }

    /** Adds an essential bar. */
    public void addEssential(int dim, double birth, int b0, int b1, int b2) {
        bars[dim].add(birth, Double.POSITIVE_INFINITY, b0, b1, b2, -1, -1, -1);
    }

    /** Adds the bar pairing filtration simplices {@code birth} and {@code death} (death -1: essential). */
    public void addPair(Filtration f, int birth, int death) {
        int dim = f.dimension(birth);
        if (death >= 0 && f.value(birth) == f.value(death)) {
            return;
        }
        int[] s = new int[3];
        for (int k = 0; k < stride; k++) {
            s[k] = f.source(birth, k);
        }
        if (death < 0) {
            addEssential(dim, f.value(birth), s[0], stride > 1 ? s[1] : -1, stride > 2 ? s[2] : -1);
            return;
        }
        int[] t = new int[3];
        for (int k = 0; k < stride; k++) {
            t[k] = f.source(death, k);
        }
        add(dim, f.value(birth), f.value(death), s[0], stride > 1 ? s[1] : -1, stride > 2 ? s[2] : -1,
                t[0], stride > 1 ? t[1] : -1, stride > 2 ? t[2] : -1);
    }

    /** Builds the immutable diagrams, converting to reported units and sorting bars. */
    public PersistenceDiagrams build() {
        Diagram[] out = new Diagram[maxDimension + 1];
        for (int d = 0; d <= maxDimension; d++) {
            out[d] = bars[d].toDiagram(d, reportSign, model, barOrder);
        }
        return new PersistenceDiagrams(out, model, reportSign < 0);
    }

    private static final class Bars {
        final int stride;
        int size;
        double[] birth = new double[16];
        double[] death = new double[16];
        int[] bsrc;
        int[] dsrc;
        // scratch of toDiagram, kept for the next input
        int[] order = new int[0];
        double[] negatedBirth = new double[0];
        double[] negatedDeath = new double[0];

        Bars(int stride) {
            this.stride = stride;
            bsrc = new int[16 * stride];
            dsrc = new int[16 * stride];
        }

        void add(double b, double d, int b0, int b1, int b2, int d0, int d1, int d2) {
            if (size == birth.length) {
                birth = Arrays.copyOf(birth, size * 2);
                death = Arrays.copyOf(death, size * 2);
                bsrc = Arrays.copyOf(bsrc, size * 2 * stride);
                dsrc = Arrays.copyOf(dsrc, size * 2 * stride);
            }
            birth[size] = b;
            death[size] = d;
            int o = size * stride;
            bsrc[o] = b0;
            dsrc[o] = d0;
            if (stride > 1) {
                bsrc[o + 1] = b1;
                dsrc[o + 1] = d1;
            }
            if (stride > 2) {
                bsrc[o + 2] = b2;
                dsrc[o + 2] = d2;
            }
            size++;
        }

        /**
         * Sorts the bars in reported units straight into the diagram's arrays. Sublevel values sort
         * like their reports when the sign is +1; otherwise the sort runs on negated copies.
         */
        Diagram toDiagram(int dim, int sign, ValueModel model, ValueOrder sorter) {
            if (order.length < size) {
                order = new int[birth.length];
            }
            double[] keyBirth = birth, keyDeath = death;
            if (sign < 0) {
                if (negatedBirth.length < size) {
                    negatedBirth = new double[birth.length];
                    negatedDeath = new double[birth.length];
                }
                for (int i = 0; i < size; i++) {
                    negatedBirth[i] = -birth[i];
                    negatedDeath[i] = -death[i];
                }
                keyBirth = negatedBirth;
                keyDeath = negatedDeath;
            }
            sorter.sortPairs(keyBirth, keyDeath, size, order);
            double[] sb = new double[size];
            double[] sd = new double[size];
            int[] bs = new int[size * stride];
            int[] ds = new int[size * stride];
            for (int i = 0; i < size; i++) {
                int j = order[i];
                sb[i] = sign * birth[j] + 0.0;
                sd[i] = sign * death[j] + 0.0;
                for (int k = 0; k < stride; k++) {
                    bs[i * stride + k] = bsrc[j * stride + k];
                    ds[i * stride + k] = dsrc[j * stride + k];
                }
            }
            return new Diagram(dim, sb, sd, bs, ds, model);
        }
    }
}
