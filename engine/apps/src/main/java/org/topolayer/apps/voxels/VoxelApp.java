package org.topolayer.apps.voxels;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.topolayer.apps.RunOutput;
import org.topolayer.apps.generate.ComponentPrior;
import org.topolayer.apps.generate.GanTrainer;
import org.topolayer.apps.generate.SampleMetrics;
import org.topolayer.data.VoxelShapes;
import org.topolayer.features.FeatureSpec;
import org.topolayer.nn.AdamOptimizer;
import org.topolayer.nn.MlpNetwork;
import org.topolayer.nn.Nd4jThreads;
import org.topolayer.plot.Charts;
import org.topolayer.plot.Figure;
import org.topolayer.plot.ImagePanel;
import org.topolayer.plot.Panel;

/**
 * {@code topo voxels}: the paper's 3-D voxel experiment (its Figure 14). A voxel generator is
 * pre-trained on solid shapes made in code ({@link VoxelShapes}: spheres, boxes, tori, one
 * component each) as a GLO decoder ({@link GloPretraining}) sampled through a normal fitted to its
 * codes ({@link LatentGaussian}); then its weights take a few Adam steps on the same topological
 * loss as the image generator, E(1,0,2;PD0) on the superlevel diagram of each generated volume
 * ({@link ComponentPrior} on the n³ grid), over batches of fresh latent codes. The same evaluation
 * codes are decoded before and after and measured ({@link VolumeTopology}: components persisting
 * longer than τ, components of the solid at 0.5, the loss; plus Achlioptas' MMD and COV in L2
 * against held-out shapes, to see that the shapes survive). Figures: z-slices and a maximum
 * projection of a few volumes before and after ({@code slices.png}), and the training curves
 * ({@code training.png}).
 */
public final class VoxelApp {
    /** What {@code components_*} in metrics.json count. */
    static final String COMPONENTS_DEFINITION = "mean over the evaluation volumes of the number of superlevel H0 "
            + "bars longer than tau (the essential bar included: 1 = a single component), on the volume's values "
            + "u in [0, 1] (Kuhn triangulation of the grid)";
    static final String AT_HALF_DEFINITION = "mean number of connected components of the solid {u >= 0.5} "
            + "(superlevel H0 bars alive at 0.5)";
    private static final int DECODE_CHUNK = 64;

    private final VoxelConfig config;
    private final RunOutput output;
    private final PrintWriter log;
    private final long start = System.nanoTime();

    public VoxelApp(VoxelConfig config, RunOutput output, PrintWriter log) {
        this.config = config;
        this.output = output;
        this.log = log;
    }

    /** Runs everything, writes the output folder, and returns the metrics. */
    public Map<String, Object> run() throws IOException {
        VoxelConfig c = config;
        if (c.nd4jThreads > 0) {
            Nd4jThreads.limit(c.nd4jThreads);
        }
        output.writeConfig(c.toMap());
        int n = c.size;
        Map<String, Object> seconds = new LinkedHashMap<>();

        // 1. the shapes: training set and a held-out reference set of the same distribution
        long phase = System.nanoTime();
        double[][] shapes = VoxelShapes.generate(c.shapes, n, c.seed);
        double[][] reference = VoxelShapes.generate(c.samples, n, c.seed + 1);
        seconds.put("shapes", (System.nanoTime() - phase) / 1e9);
        print("data: %d training shapes and %d held-out reference shapes (%s cycling), %dx%dx%d voxels", shapes.length,
                reference.length, String.join(", ", VoxelShapes.KINDS), n, n, n);
        output.metric("data_source", "voxel shapes made in code (" + String.join(", ", VoxelShapes.KINDS)
                + "; one component each)").metric("size", n).metric("training_shapes", c.shapes);
        ComponentPrior prior = new ComponentPrior(c.shape(), 0);
        Map<String, Object> loss = new LinkedHashMap<>(FeatureSpec.record(prior.feature(), 1));
        loss.put("filtration", "superlevel, voxel values (x + 1)/2 in [0, 1], Kuhn triangulation of the grid");
        loss.put("reduction", "mean over the batch");
        output.metric("topology_loss", loss);

        // 2. pre-training: GLO decoder, then a normal fitted to its codes makes it a generator
        phase = System.nanoTime();
        GloPretraining glo = new GloPretraining(shapes, c.latent, c.hidden, c.batchSize, c.learningRate,
                c.codeLearningRate, c.seed);
        MlpNetwork decoder = glo.decoder();
        print("pre-training: GLO decoder %s (%d parameters), %d iterations of batches of %d (Adam %.4g, codes %.4g)",
                java.util.Arrays.toString(decoder.sizes()), decoder.parameterCount(), c.pretrainIterations,
                c.batchSize, c.learningRate, c.codeLearningRate);
        List<double[]> pretrainCurve = new ArrayList<>();
        for (int it = 1; it <= c.pretrainIterations; it++) {
            double mse = glo.step();
            pretrainCurve.add(new double[] {it, mse});
            if (it % c.logEvery == 0 || it == c.pretrainIterations) {
                print("pre-training iteration %d/%d  squared error per voxel %.5f", it, c.pretrainIterations, mse);
            }
        }
        LatentGaussian latent = LatentGaussian.fit(glo.codes());
        seconds.put("pretraining", (System.nanoTime() - phase) / 1e9);
        output.metric("pretrain_iterations", c.pretrainIterations).metric("pretrain_final_mse",
                pretrainCurve.isEmpty() ? Double.NaN : pretrainCurve.get(pretrainCurve.size() - 1)[1]);

        // 3. the evaluation codes, decoded before the topological fine-tuning
        INDArray zEval = latent.sample(c.samples, new SplittableRandom(c.seed * 1_000_003L + 7));
        double[][] before = decode(decoder, zEval);

        // 4. topological fine-tuning of the decoder's weights, on the loss alone, fresh codes each batch
        phase = System.nanoTime();
        print("topology: %d Adam iterations (rate %.4g) on the decoder's weights, mean E(1,0,2;PD0) of batches of %d "
                + "fresh codes", c.topoIterations, c.topoLearningRate, c.topoBatchSize);
        INDArray weights = decoder.parameterVector();
        AdamOptimizer adam = AdamOptimizer.standard(c.topoLearningRate);
        SplittableRandom codes = new SplittableRandom(c.seed * 1_000_003L + 13);
        List<double[]> topoCurve = new ArrayList<>();
        for (int it = 1; it <= c.topoIterations; it++) {
            GanTrainer.GeneratorGradient g = GanTrainer.topologyGradient(decoder, latent.sample(c.topoBatchSize, codes),
                    prior);
            adam.step(weights, g.parameters());
            decoder.setParameters(weights);
            topoCurve.add(new double[] {it, g.topologicalLoss()});
            print("topology iteration %d/%d  E(1,0,2;PD0) of the batch %.4f", it, c.topoIterations,
                    g.topologicalLoss());
        }
        seconds.put("topology", (System.nanoTime() - phase) / 1e9);
        double[][] after = decode(decoder, zEval);

        // 5. figures of the held-out shapes and of the generated volumes before and after
        phase = System.nanoTime();
        output.metric("samples", c.samples).metric("tau", c.tau).metric("topo_iterations", c.topoIterations)
                .metric("components_definition", COMPONENTS_DEFINITION)
                .metric("components_at_half_definition", AT_HALF_DEFINITION);
        VolumeTopology real = VolumeTopology.of(prior, reference, c.tau);
        VolumeTopology b = VolumeTopology.of(prior, before, c.tau);
        VolumeTopology a = VolumeTopology.of(prior, after, c.tau);
        output.metric("components_before", b.meanComponents()).metric("components_after", a.meanComponents())
                .metric("fraction_one_component_before", b.fractionOneComponent())
                .metric("fraction_one_component_after", a.fractionOneComponent())
                .metric("components_at_half_before", b.meanComponentsAtHalf())
                .metric("components_at_half_after", a.meanComponentsAtHalf())
                .metric("topo_loss_before", b.meanLoss()).metric("topo_loss_after", a.meanLoss());
        double[][] dBefore = SampleMetrics.l2Distances(reference, before);
        double[][] dAfter = SampleMetrics.l2Distances(reference, after);
        output.metric("mmd_l2_before", SampleMetrics.minimumMatchingDistance(dBefore))
                .metric("mmd_l2_after", SampleMetrics.minimumMatchingDistance(dAfter))
                .metric("cov_l2_before", SampleMetrics.coverage(dBefore))
                .metric("cov_l2_after", SampleMetrics.coverage(dAfter))
                .metric("occupancy_before", occupancy(before)).metric("occupancy_after", occupancy(after));
        Map<String, Object> shapesFigures = new LinkedHashMap<>();
        shapesFigures.put("components", real.meanComponents());
        shapesFigures.put("fraction_one_component", real.fractionOneComponent());
        shapesFigures.put("components_at_half", real.meanComponentsAtHalf());
        shapesFigures.put("topo_loss", real.meanLoss());
        shapesFigures.put("occupancy", occupancy(reference));
        output.metric("reference_shapes", shapesFigures);
        seconds.put("evaluation", (System.nanoTime() - phase) / 1e9);
        print("held-out shapes: components %.3f (one: %.3f), at 0.5 %.3f, E %.4f", real.meanComponents(),
                real.fractionOneComponent(), real.meanComponentsAtHalf(), real.meanLoss());
        print("before: components %.3f (one: %.3f), at 0.5 %.3f, E %.4f, MMD-L2 %.4f, COV-L2 %.3f", b.meanComponents(),
                b.fractionOneComponent(), b.meanComponentsAtHalf(), b.meanLoss(), output.metrics().get("mmd_l2_before"),
                output.metrics().get("cov_l2_before"));
        print("after:  components %.3f (one: %.3f), at 0.5 %.3f, E %.4f, MMD-L2 %.4f, COV-L2 %.3f", a.meanComponents(),
                a.fractionOneComponent(), a.meanComponentsAtHalf(), a.meanLoss(), output.metrics().get("mmd_l2_after"),
                output.metrics().get("cov_l2_after"));
        seconds.put("total", (System.nanoTime() - start) / 1e9);
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            seconds.put("process_cpu", os.getProcessCpuTime() / 1e9);
        }
        output.metric("seconds", seconds);
        output.writeMetrics();

        slicesFigure(before, after, b, a);
        trainingChart(pretrainCurve, topoCurve);
        print("wrote %s (%.1f s)", output.dir(), (System.nanoTime() - start) / 1e9);
        return output.metrics();
    }

    /** The decoder's volumes u ∈ [0, 1] for the codes, decoded in chunks. */
    private static double[][] decode(MlpNetwork decoder, INDArray codes) {
        int n = (int) codes.size(0);
        double[][] out = new double[n][];
        for (int s = 0; s < n; s += DECODE_CHUNK) {
            int e = Math.min(n, s + DECODE_CHUNK);
            double[][] part = GloPretraining.decode(decoder, codes.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(s, e),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()));
            System.arraycopy(part, 0, out, s, e - s);
        }
        return out;
    }

    /** Mean fraction of voxels at 0.5 or more. */
    static double occupancy(double[][] volumes) {
        double s = 0;
        for (double[] v : volumes) {
            int k = 0;
            for (double x : v) {
                k += x >= VolumeTopology.HALF ? 1 : 0;
            }
            s += k / (double) v.length;
        }
        return s / volumes.length;
    }

    /** The z-slices of the figure: evenly spaced inside the grid. */
    static int[] sliceDepths(int size, int slices) {
        int[] z = new int[slices];
        for (int k = 0; k < slices; k++) {
            z[k] = (int) Math.floor((k + 0.5) * size / slices);
        }
        return z;
    }

    /** One z-slice [y][x] (row-major) of an n³ volume stored [z][y][x]. */
    static double[] slice(double[] volume, int n, int z) {
        return java.util.Arrays.copyOfRange(volume, z * n * n, (z + 1) * n * n);
    }

    /** The maximum over z of an n³ volume, as an n×n image. */
    static double[] maxProjection(double[] volume, int n) {
        double[] out = new double[n * n];
        java.util.Arrays.fill(out, Double.NEGATIVE_INFINITY);
        for (int z = 0; z < n; z++) {
            for (int p = 0; p < n * n; p++) {
                out[p] = Math.max(out[p], volume[z * n * n + p]);
            }
        }
        return out;
    }

    /**
     * slices.png: for each of the first figure-volumes evaluation codes, a row before and a row after
     * the fine-tuning, each with evenly spaced z-slices and the maximum projection along z (gray 0 to 1),
     * titled with the volume's components (longer than τ) and components of the solid at 0.5.
     */
    private void slicesFigure(double[][] before, double[][] after, VolumeTopology b, VolumeTopology a)
            throws IOException {
        int n = config.size;
        int[] depths = sliceDepths(n, config.slices);
        int cell = Math.max(110, 3 * n + 24);
        List<Panel> panels = new ArrayList<>();
        for (int v = 0; v < config.figureVolumes; v++) {
            for (boolean isAfter : new boolean[] {false, true}) {
                double[] volume = isAfter ? after[v] : before[v];
                VolumeTopology t = isAfter ? a : b;
                String head = "#" + (v + 1) + (isAfter ? " after" : " before");
                for (int z : depths) {
                    String title = (z == depths[0] ? head : "") + "\nz = " + z;
                    panels.add(ImagePanel.of(title, slice(volume, n, z), n, n, 0, 1, cell, cell + 24));
                }
                String counts = String.format(Locale.ROOT, "max over z\n%d comp., %d at 0.5", t.components()[v],
                        t.componentsAtHalf()[v]);
                // wider than the slices: the title holds the counts
                panels.add(ImagePanel.of(counts, maxProjection(volume, n), n, n, 0, 1, cell + 60, cell + 24));
            }
        }
        Figure.of(panels, depths.length + 1).save(output.file("slices.png"));
    }

    private void trainingChart(List<double[]> pretrain, List<double[]> topo) throws IOException {
        XYChart mse = Charts.chart("GLO pre-training", "iteration", "squared error per voxel", 600, 400);
        if (!pretrain.isEmpty()) {
            Charts.line(mse, "batch squared error", column(pretrain, 0), column(pretrain, 1));
        }
        XYChart e = Charts.chart("topological fine-tuning", "iteration", "E(1,0,2;PD0) per volume", 600, 400);
        if (!topo.isEmpty()) {
            Charts.line(e, "batch mean", column(topo, 0), column(topo, 1));
        }
        Charts.saveGrid(List.of(mse, e), 2, output.file("training.png"));
    }

    private static double[] column(List<double[]> rows, int k) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[k];
        }
        return out;
    }

    private synchronized void print(String format, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = (System.nanoTime() - start) / 1e9;
        System.arraycopy(args, 0, all, 1, args.length);
        log.printf(Locale.ROOT, "[%6.1fs] " + format + "%n", all);
        log.flush();
    }
}
