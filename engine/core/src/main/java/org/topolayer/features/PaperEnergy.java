package org.topolayer.features;

/**
 * The TopologyLayer paper's feature E(p, q, i₀; PD_k) = Σ_{i ≥ i₀} |dᵢ − bᵢ|^p · ((dᵢ + bᵢ)/2)^q,
 * with the bars of the diagram ranked longest first and counted from i = 1, the essential bars
 * (infinite death, infinite length) first. This is the one definition the applications use for
 * the paper's losses (Top1 = E(1,0,2;PD0), Top2 = E(1,0,4;PD0), the generator's and the
 * denoiser's prior E(1,0,2;PD0)).
 *
 * <p>The essential bars are read from the diagram itself (deaths ±∞, as the layers of this
 * library return them): with e of them, E(p, q, i₀) is the finite-bar {@link BarcodeEnergy} that
 * leaves out the i₀ − 1 − e longest finite bars ({@link #onFiniteBars}). For the paper's
 * filtrations (level sets of a connected domain, complete Rips or alpha) PD0 has exactly one
 * essential bar and PDk, k ≥ 1, none, so E(p,q,i₀;PD0) = BarcodeEnergy(0, p, q, skip = i₀ − 2) and
 * E(p,q,i₀;PDk) = BarcodeEnergy(k, p, q, skip = i₀ − 1). Zero-length bars are left out (they only
 * count when p = 0).
 *
 * <p>Limit: when i₀ ≤ e the sum contains an infinite bar and is infinite; {@link #value} and
 * {@link #addGradient} then refuse with an {@link IllegalArgumentException} saying so (e.g.
 * E(1,0,1;PD0), or E(1,0,2;PD0) of a Rips diagram cut at a threshold, which leaves several
 * components alive). A diagram whose essential bars were dropped before it got here (e.g. one
 * read from a file that keeps finite bars only) is read as having none: the feature then spares
 * one bar more than the paper's.
 */
public final class PaperEnergy extends DimensionedFeature {
    private final double p;
    private final double q;
    private final int i0;

    /** @param i0 the first bar counted, from 1 (the longest, an essential bar if there is one) */
    public PaperEnergy(int dimension, double p, double q, int i0) {
        super(dimension);
        if (i0 < 1) {
            throw new IllegalArgumentException("i0 counts bars from 1, got " + i0);
        }
        if (Double.isNaN(p) || Double.isNaN(q)) {
            throw new IllegalArgumentException("exponents must be numbers, got p=" + p + ", q=" + q);
        }
        this.p = p;
        this.q = q;
        this.i0 = i0;
    }

    public double p() {
        return p;
    }

    public double q() {
        return q;
    }

    public int i0() {
        return i0;
    }

    /** Essential bars of a diagram: those with an infinite death. */
    public static int essentialBars(double[] deaths) {
        int e = 0;
        for (double d : deaths) {
            if (Double.isInfinite(d)) {
                e++;
            }
        }
        return e;
    }

    /**
     * This feature on a diagram with {@code essentialBars} essential bars, as the finite-bar
     * feature it equals there: BarcodeEnergy(dim, p, q, skip = i₀ − 1 − essentialBars)
     * ({@link PartialSumBarcodeLengths} when p = 1, q = 0).
     *
     * @throws IllegalArgumentException when i₀ ≤ essentialBars (the sum would be infinite)
     */
    public BarcodeEnergy onFiniteBars(int essentialBars) {
        if (essentialBars < 0) {
            throw new IllegalArgumentException("essential bars must be ≥ 0, got " + essentialBars);
        }
        int skip = i0 - 1 - essentialBars;
        if (skip < 0) {
            throw new IllegalArgumentException(this + " counts bars from i0 = " + i0 + " but PD" + dimension()
                    + " has " + essentialBars + " essential (infinite) bar" + (essentialBars == 1 ? "" : "s")
                    + ", so the sum is infinite; use i0 ≥ " + (essentialBars + 1)
                    + " (or a filtration that leaves fewer classes alive)");
        }
        return p == 1 && q == 0 ? new PartialSumBarcodeLengths(dimension(), skip)
                : new BarcodeEnergy(dimension(), p, q, skip, true);
    }

    /**
     * {@link #onFiniteBars} for the paper's filtrations (level sets of a connected domain, complete
     * Rips or alpha): one essential bar in PD0, none above.
     */
    public BarcodeEnergy onPaperFiltrations() {
        return onFiniteBars(dimension() == 0 ? 1 : 0);
    }

    @Override
    public double[] value(double[] births, double[] deaths) {
        Bars.checkDiagram(births, deaths);
        return onFiniteBars(essentialBars(deaths)).value(births, deaths);
    }

    @Override
    public void addGradient(double[] births, double[] deaths, double[] upstream, double[] dBirths, double[] dDeaths) {
        Bars.checkDiagram(births, deaths);
        onFiniteBars(essentialBars(deaths)).addGradient(births, deaths, upstream, dBirths, dDeaths);
    }

    /** The paper's notation, e.g. {@code E(1,0,2;PD0)}. */
    @Override
    public String toString() {
        return "E(" + FeatureSpec.number(p) + "," + FeatureSpec.number(q) + "," + i0 + ";PD" + dimension() + ")";
    }
}
