package org.topolayer.apps.voxels;

import org.topolayer.apps.generate.ComponentPrior;
import org.topolayer.layer.SampleParallel;
import org.topolayer.persistence.Diagram;

/**
 * The topological figures of a set of volumes (values in [0, 1]), each from one superlevel H0
 * diagram (the prior's, so that the loss and the counts read the same filtration):
 * <ul>
 *   <li>{@code components}: the superlevel components persisting longer than τ, i.e. the number of
 *       H0 bars longer than τ, the essential bar (the global maximum's component) included
 *       ({@link ComponentPrior#components(Diagram, double)});
 *   <li>{@code components at 0.5}: the connected components of the solid {u ≥ 0.5} (what a voxel
 *       rendering at threshold 0.5 shows), i.e. the bars alive at level 0.5 (birth ≥ 0.5 &gt; death);
 *       0 for a volume with no voxel at 0.5;
 *   <li>{@code loss}: the prior's E(1,0,2;PD0), the sum of the finite bars' lengths.
 * </ul>
 */
record VolumeTopology(int[] components, int[] componentsAtHalf, double[] losses) {
    static final double HALF = 0.5;

    /** The figures of every volume, computed in parallel ({@link SampleParallel}). */
    static VolumeTopology of(ComponentPrior prior, double[][] volumes, double tau) {
        int n = volumes.length;
        int[] components = new int[n], atHalf = new int[n];
        double[] losses = new double[n];
        SampleParallel.forEach(n, i -> {
            Diagram d = prior.superlevelH0(volumes[i]);
            components[i] = ComponentPrior.components(d, tau);
            atHalf[i] = aliveAt(d, HALF);
            losses[i] = prior.feature().value(d.births(), d.deaths())[0];
        });
        return new VolumeTopology(components, atHalf, losses);
    }

    /** Bars of a superlevel diagram alive at {@code level}: the components of {u ≥ level}. */
    static int aliveAt(Diagram superlevel, double level) {
        int n = 0;
        for (int i = 0; i < superlevel.size(); i++) {
            if (superlevel.birth(i) >= level && superlevel.death(i) < level) {
                n++;
            }
        }
        return n;
    }

    double meanComponents() {
        return mean(components);
    }

    double fractionOneComponent() {
        return fractionOne(components);
    }

    double meanComponentsAtHalf() {
        return mean(componentsAtHalf);
    }

    double fractionOneComponentAtHalf() {
        return fractionOne(componentsAtHalf);
    }

    double meanLoss() {
        double s = 0;
        for (double v : losses) {
            s += v;
        }
        return s / losses.length;
    }

    private static double mean(int[] counts) {
        double s = 0;
        for (int k : counts) {
            s += k;
        }
        return s / counts.length;
    }

    private static double fractionOne(int[] counts) {
        int n = 0;
        for (int k : counts) {
            n += k == 1 ? 1 : 0;
        }
        return n / (double) counts.length;
    }
}
