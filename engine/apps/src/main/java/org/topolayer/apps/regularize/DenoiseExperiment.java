package org.topolayer.apps.regularize;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.topolayer.features.DiagramFeature;
import org.topolayer.features.PaperEnergy;
import org.topolayer.filtration.LevelSet;
import org.topolayer.layer.GridLevelSetLayer;
import org.topolayer.loss.TopologicalLoss;
import org.topolayer.nn.AdamOptimizer;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.grid.LevelSetPersistence;

/**
 * Topological image denoising: a noisy image x₀ of a ring is pushed toward a prior topology
 * (c components, h holes of its superlevel sets) by Adam on
 * ||x − x₀||² + λ·[Σ H0 bar lengths without the c − 1 longest finite ones + Σ H1 bar lengths
 * without the h longest], all of the superlevel filtration on the Freudenthal grid.
 */
public final class DenoiseExperiment {
    /** Settings of the image, the noise, the prior and the optimization. */
    public record Settings(int size, double noise, int components, int holes, double topoWeight, int iterations,
                           double learningRate, double threshold) {}

    /** The clean, noisy and denoised images (row-major size×size) and the loss before and after. */
    public record Outcome(double[] clean, double[] noisy, double[] denoised, double lossBefore, double lossAfter) {}

    private DenoiseExperiment() {}

    /** A ring of value 1 on 0: pixels whose distance to the centre is within 0.1·size of 0.3·size. */
    public static double[] ring(int size) {
        double[] img = new double[size * size];
        double c = (size - 1) / 2.0, r = 0.3 * size, w = 0.1 * size;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double d = Math.hypot(i - c, j - c);
                img[i * size + j] = Math.abs(d - r) <= w ? 1 : 0;
            }
        }
        return img;
    }

    public static double[] addNoise(double[] img, double sd, Random rng) {
        double[] out = img.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += sd * rng.nextGaussian();
        }
        return out;
    }

    /**
     * The prior's two features on the superlevel diagrams: E(1,0,components+1;PD0) (every component
     * but the {@code components} most persistent, the essential one first) and
     * E(1,0,holes+1;PD1) (every hole but the {@code holes} most persistent).
     */
    public static List<DiagramFeature> priorFeatures(int components, int holes) {
        return List.of(new PaperEnergy(0, 1, 0, components + 1), new PaperEnergy(1, 1, 0, holes + 1));
    }

    public static TopologicalLoss prior(int components, int holes, double weight) {
        GridLevelSetLayer layer = GridLevelSetLayer.image(1, LevelSet.SUPERLEVEL);
        return TopologicalLoss.of(priorFeatures(components, holes).stream()
                .map(f -> new TopologicalLoss.Term(layer, f, weight)).toList());
    }

    public static Outcome run(double[] clean, double[] noisy, Settings s, PrintWriter progress) {
        int[] shape = {s.size(), s.size()};
        TopologicalLoss prior = prior(s.components(), s.holes(), s.topoWeight());
        double[] x = noisy.clone();
        AdamOptimizer adam = AdamOptimizer.standard(s.learningRate());
        double before = Double.NaN;
        for (int k = 0; k <= s.iterations(); k++) {
            TopologicalLoss.Result r = prior.evaluate(x, shape);
            double[] g = r.gradient();
            double fidelity = 0;
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - noisy[i];
                fidelity += d * d;
                g[i] += 2 * d;
            }
            double loss = fidelity + r.value();
            if (k == 0) {
                before = loss;
            }
            if (progress != null && (k % Math.max(1, s.iterations() / 10) == 0 || k == s.iterations())) {
                progress.printf(Locale.ROOT, "denoise: iteration %d loss %.6g (fidelity %.4g, topological %.4g)%n", k,
                        loss, fidelity, r.value());
                progress.flush();
            }
            if (k == s.iterations()) {
                return new Outcome(clean, noisy, x, before, loss);
            }
            adam.step(x, g);
        }
        throw new AssertionError("unreachable");
    }

    /** Betti numbers {β0, β1} of the superlevel set {x ≥ t} (bars alive at t). */
    public static int[] bettiAt(double[] img, int size, double t) {
        PersistenceDiagrams pd = LevelSetPersistence.compute(img, new int[] {size, size}, 1, LevelSet.SUPERLEVEL);
        int[] out = new int[2];
        for (int dim = 0; dim < 2; dim++) {
            Diagram d = pd.get(dim);
            for (int i = 0; i < d.size(); i++) {
                if (d.birth(i) >= t && d.death(i) < t) {
                    out[dim]++;
                }
            }
        }
        return out;
    }

    /** mean((a − b)²). */
    public static double mse(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s / a.length;
    }
}
