package org.topolayer.apps.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.topolayer.features.DiagramFeature;
import org.topolayer.features.FeatureVector;
import org.topolayer.features.TopKBarcodeLengths;
import org.topolayer.filtration.LevelSet;
import org.topolayer.layer.DiagramTape;
import org.topolayer.layer.GridLevelSetLayer;
import org.topolayer.layer.PersistenceLayer;
import org.topolayer.layer.SampleParallel;
import org.topolayer.loss.FeatureMap;
import org.topolayer.persistence.Diagram;

/**
 * The TopModel's feature map (Brüel-Gabrielsson et al. 2020, §adversarial attacks): persistence
 * features of an image x (H×W, intensities in [0, 1]) from several filtrations, each of the form
 * f = a·x + b pixel by pixel, so that every feature is differentiable in the pixels:
 * <ul>
 *   <li><b>Directional sweeps</b>, for D directions u_d = (cos 2πd/D, sin 2πd/D) (x to the right,
 *       y up): f_u(p) = ⟨p − centre, u⟩ / (max(H, W) − 1) + λ·(1 − x_p), sublevel. The first term
 *       is the height of pixel p along u (within ±√2/2); the second delays dark pixels by λ. With
 *       λ ≥ √2 (the default 1.5 is), every pixel of intensity 1 enters before every pixel of
 *       intensity 0, so the filtration starts as the paper's sweep of the (thresholded) shape
 *       along u, and partly lit pixels enter in between according to their intensity. Unlike a
 *       threshold, the construction is affine in x: ∂f_u(p)/∂x_p = −λ ≠ 0 at every pixel, so the
 *       gradient of any feature reaches the pixels that create and destroy its bars.</li>
 *   <li><b>Intensity level sets</b>: f = x sublevel (dark regions) and superlevel (bright regions).</li>
 * </ul>
 * Each filtration is vectorized by TopKBarcodeLengths of H0 and H1 (TopologyLayer's, the k
 * longest finite bars, zero-padded); directional filtrations also give the birth of their
 * essential H0 bar (the lowest value of f_u: how far the shape reaches towards −u). The feature
 * gradient follows the layer's attribution: d feature / d x_p = a · d feature / d f_p.
 *
 * <p>Stateless apart from its configuration; {@link Evaluation}s are per sample, so one map
 * serves many threads.
 */
public final class TopFeatureMap {
    private final int height;
    private final int width;
    private final Spec spec;
    private final FeatureMap map;
    private final List<String> names;

    /**
     * @param directions number of sweep directions (0 for none)
     * @param darkness   λ, the delay of a dark pixel in the directional filtrations
     * @param topK       bars per homology dimension and filtration
     * @param extent     whether directional filtrations add their essential H0 birth
     * @param intensity  whether to add the sub- and superlevel filtrations of the intensities
     */
    public record Spec(int directions, double darkness, int topK, boolean extent, boolean intensity)
            implements java.io.Serializable { // Spark ships it to the executors that compute features
        public Spec {
            if (directions < 0 || topK < 1 || !(darkness > 0) || (directions == 0 && !intensity)) {
                throw new IllegalArgumentException("feature spec needs directions ≥ 0, topK ≥ 1, darkness > 0 and at "
                        + "least one filtration, got " + directions + ", " + topK + ", " + darkness + ", intensity="
                        + intensity);
            }
        }

        /** 8 directions, λ = 1.5, top 4 bars of H0 and H1, extents, intensity sub/superlevel. */
        public static Spec defaults() {
            return new Spec(8, 1.5, 4, true, true);
        }
    }

    /** The features of one image and the diagrams they were computed from (for {@link #backward}). */
    public record Evaluation(double[] features, DiagramTape[] tapes) {
    }

    public TopFeatureMap(int height, int width, Spec spec) {
        if (height < 2 || width < 2) {
            throw new IllegalArgumentException("images must be at least 2×2, got " + height + "×" + width);
        }
        this.height = height;
        this.width = width;
        this.spec = spec;
        List<FeatureMap.Part> parts = new ArrayList<>();
        PersistenceLayer sub = GridLevelSetLayer.image(1, LevelSet.SUBLEVEL);
        PersistenceLayer sup = GridLevelSetLayer.image(1, LevelSet.SUPERLEVEL);
        double scale = Math.max(height, width) - 1, cr = (height - 1) / 2.0, cc = (width - 1) / 2.0;
        List<DiagramFeature> topK = List.of(new TopKBarcodeLengths(0, spec.topK()), new TopKBarcodeLengths(1, spec.topK()));
        for (int d = 0; d < spec.directions(); d++) {
            double angle = 2 * Math.PI * d / spec.directions();
            double ux = Math.cos(angle), uy = Math.sin(angle);
            double[] offset = new double[height * width];
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    offset[r * width + c] = ((c - cc) * ux - (r - cr) * uy) / scale + spec.darkness();
                }
            }
            List<DiagramFeature> features = new ArrayList<>(topK);
            if (spec.extent()) {
                features.add(new EssentialBirth(0));
            }
            String name = String.format(Locale.ROOT, "dir%03d", Math.round(Math.toDegrees(angle)));
            parts.add(new FeatureMap.Part(name, sub, -spec.darkness(), offset, new FeatureVector(features)));
        }
        if (spec.intensity()) {
            parts.add(new FeatureMap.Part("sub", sub, 1, null, new FeatureVector(topK)));
            parts.add(new FeatureMap.Part("sup", sup, 1, null, new FeatureVector(topK)));
        }
        this.map = new FeatureMap(parts);
        List<String> featureNames = new ArrayList<>();
        for (FeatureMap.Part part : map.parts()) {
            for (int dim = 0; dim <= 1; dim++) {
                for (int j = 1; j <= spec.topK(); j++) {
                    featureNames.add(part.name() + "_H" + dim + "_top" + j);
                }
            }
            if (part.features().length() > 2 * spec.topK()) {
                featureNames.add(part.name() + "_H0_extent");
            }
        }
        this.names = List.copyOf(featureNames);
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public Spec spec() {
        return spec;
    }

    /** Number of features. */
    public int size() {
        return map.length();
    }

    /** Feature names in order, e.g. {@code dir045_H1_top2}, {@code sup_H0_top1}, {@code dir000_H0_extent}. */
    public List<String> names() {
        return names;
    }

    /** Names of the filtrations in order: {@code dir000 … dir315}, {@code sub}, {@code sup}. */
    public List<String> filtrationNames() {
        return map.partNames();
    }

    /** The filtration values f = a·x + b of one filtration of an image (to plot or inspect). */
    public double[] filtrationValues(int filtration, double[] image) {
        return map.parts().get(filtration).values(image);
    }

    /** The diagrams of one filtration of an image (H0 and H1). */
    public List<Diagram> diagrams(int filtration, double[] image) {
        checkImage(image);
        DiagramTape tape = map.parts().get(filtration).layer().forward(filtrationValues(filtration, image),
                new int[] {height, width});
        return List.of(tape.diagrams().get(0), tape.diagrams().get(1));
    }

    /** The features of one image with what {@link #backward} needs. */
    public Evaluation evaluate(double[] image) {
        checkImage(image);
        FeatureMap.Evaluation e = map.forward(image, new int[] {height, width});
        return new Evaluation(e.values(), e.tapes());
    }

    /** The features of one image. */
    public double[] features(double[] image) {
        return evaluate(image).features();
    }

    /** The features of many images, in parallel over images. */
    public double[][] features(double[][] images) {
        double[][] out = new double[images.length][];
        SampleParallel.forEach(images.length, i -> out[i] = features(images[i]));
        return out;
    }

    /**
     * The vector–Jacobian product Σ_j upstream[j] · ∂feature_j / ∂x: d(loss)/d(image) from
     * d(loss)/d(features), row-major like the image.
     */
    public double[] backward(Evaluation evaluation, double[] upstream) {
        return map.backward(new FeatureMap.Evaluation(evaluation.features(), evaluation.tapes()), upstream);
    }

    private void checkImage(double[] image) {
        if (image.length != height * width) {
            throw new IllegalArgumentException("image has " + image.length + " pixels, the feature map takes "
                    + height + "×" + width);
        }
    }
}
