package org.topolayer.apps.generate;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.topolayer.features.PaperEnergy;
import org.topolayer.filtration.LevelSet;
import org.topolayer.layer.GridLevelSetLayer;
import org.topolayer.layer.PersistenceLayer;
import org.topolayer.loss.TopologicalLoss;
import org.topolayer.persistence.Diagram;

/**
 * The topological prior "one component" on generator outputs: the paper's E(1, 0, 2; PD0)
 * ({@link PaperEnergy}) on the superlevel-set diagram of each image (or volume: the paper's
 * Figure 14 uses the same loss on voxel grids), i.e. the sum of the lengths
 * of all finite H0 bars (the paper counts bars from 1, longest first, and the longest is the
 * essential bar of the global maximum): every superlevel component except the one of the global
 * maximum is pushed to merge earlier, leaving one bright blob. The {@code skip} parameter spares
 * that many finite bars more (i₀ = skip + 2; 0 by default).
 *
 * <p>Generator outputs are tanh values x ∈ [-1, 1]; topology and metrics always read the image
 * u = (x + 1)/2 ∈ [0, 1], so dL/dx = dL/du / 2. Images are H×W grids (Freudenthal triangulation),
 * volumes D×H×W grids (Kuhn triangulation, {@link GridLevelSetLayer#volume}), row-major. Immutable, no global state: samples are
 * evaluated in parallel and any thread (or Spark task) may share one instance.
 */
public final class ComponentPrior {
    private final int[] shape;
    private final PersistenceLayer layer;
    private final PaperEnergy feature;
    private final TopologicalLoss loss;

    /** @param skip finite H0 bars left unpenalized besides the essential one (0: one component) */
    public ComponentPrior(int height, int width, int skip) {
        this(new int[] {height, width}, skip);
    }

    /**
     * The prior on images of shape [H, W] or volumes of shape [D, H, W].
     *
     * @param skip finite H0 bars left unpenalized besides the essential one (0: one component)
     */
    public ComponentPrior(int[] shape, int skip) {
        if (shape.length != 2 && shape.length != 3) {
            throw new IllegalArgumentException("the prior takes images [H, W] or volumes [D, H, W], got shape "
                    + java.util.Arrays.toString(shape));
        }
        this.shape = shape.clone();
        this.layer = shape.length == 3 ? GridLevelSetLayer.volume(0, LevelSet.SUPERLEVEL)
                : GridLevelSetLayer.image(0, LevelSet.SUPERLEVEL);
        if (skip < 0) {
            throw new IllegalArgumentException("skip must be ≥ 0, got " + skip);
        }
        this.feature = new PaperEnergy(0, 1, 0, skip + 2);
        this.loss = TopologicalLoss.of(layer, feature);
    }

    /** The loss's feature, E(1, 0, skip + 2; PD0) (recorded in metrics.json as its spec). */
    public PaperEnergy feature() {
        return feature;
    }

    /** Per-sample losses and dL/dx for a batch of tanh outputs. */
    public record Result(double[] values, double[] gradient) {
        public double mean() {
            double s = 0;
            for (double v : values) {
                s += v;
            }
            return values.length == 0 ? 0 : s / values.length;
        }
    }

    /**
     * Losses of {@code batch} generator outputs stored back to back (tanh values, row-major
     * images or volumes) and the gradient of their sum with respect to the outputs.
     */
    public Result evaluate(double[] tanhOutputs, int batch) {
        double[] images = toUnit(tanhOutputs);
        TopologicalLoss.BatchResult r = loss.evaluateBatch(images, batch, shape);
        double[] g = r.gradient();
        for (int i = 0; i < g.length; i++) {
            g[i] *= 0.5;
        }
        return new Result(r.values(), g);
    }

    /** {@link #evaluate(double[], int)} for a [B, H·W] (or [B, D·H·W]) array. */
    public Result evaluate(INDArray tanhOutputs) {
        return evaluate(org.topolayer.layer.NdArrays.toDoubles(tanhOutputs), (int) tanhOutputs.size(0));
    }

    /** The gradient of a result as an INDArray of the batch's shape [B, H·W]. */
    public static INDArray gradientArray(Result r, int batch) {
        return Nd4j.create(r.gradient(), new long[] {batch, r.gradient().length / Math.max(1, batch)}, DataType.FLOAT);
    }

    /** u = (x + 1)/2, clamped to [0, 1]. */
    public static double[] toUnit(double[] tanhOutputs) {
        double[] u = new double[tanhOutputs.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.min(1, Math.max(0, (tanhOutputs[i] + 1) / 2));
        }
        return u;
    }

    /** The superlevel H0 diagram of an image (or volume) in [0, 1]. */
    public Diagram superlevelH0(double[] image) {
        return layer.forward(image, shape).diagrams().get(0);
    }

    /**
     * Components of an image in [0, 1] that persist longer than τ: the essential one (the global
     * maximum) plus every finite superlevel H0 bar of length &gt; τ.
     */
    public int components(double[] image, double tau) {
        return components(superlevelH0(image), tau);
    }

    /** {@link #components(double[], double)} of a superlevel H0 diagram already computed. */
    public static int components(Diagram d, double tau) {
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.isEssential(i) || d.persistence(i) > tau) {
                n++;
            }
        }
        return n;
    }

    /** The grid's shape: [H, W] or [D, H, W]. */
    public int[] shape() {
        return shape.clone();
    }

    /** The last-but-one axis' length (an image's height). */
    public int height() {
        return shape[shape.length - 2];
    }

    /** The last axis' length (an image's width). */
    public int width() {
        return shape[shape.length - 1];
    }
}
