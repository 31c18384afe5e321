package org.topolayer.apps.generate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.topolayer.apps.RunOutput;
import org.topolayer.data.DatasetChoice;
import org.topolayer.data.ImageDataset;
import org.topolayer.nn.MlpNetwork;
import org.topolayer.nn.Nd4jThreads;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.plot.Charts;
import org.topolayer.plot.ImageGrid;

/**
 * {@code topo generate}: a baseline GAN on the configured data (key {@code data}), then the
 * topological prior "one component" (superlevel E(1,0,2;PD0)) either by fine-tuning the generator's
 * weights with the GAN loss kept ({@code variant=weights}) or by optimizing latent codes with the
 * generator fixed ({@code variant=latent}); before/after metrics on the same latent codes, image
 * grids, latent interpolations and training curves. See {@link SampleMetrics} for the metrics.
 */
public final class GenerateApp {
    /** The baseline networks' flat parameters (raw little-endian float32, {@link MlpNetwork#parameters} order). */
    public static final String GENERATOR_FILE = "generator_baseline.f32";
    public static final String DISCRIMINATOR_FILE = "discriminator_baseline.f32";
    private static final int LATENT_CHUNK = 250;
    private static final int GRID = 64;
    private static final int INTERPOLATION_PAIRS = 8;
    private static final int INTERPOLATION_STEPS = 10;

    private final GenerateConfig config;
    private final RunOutput output;
    private final PrintWriter log;
    private final long start = System.nanoTime();

    public GenerateApp(GenerateConfig config, RunOutput output, PrintWriter log) {
        this.config = config;
        this.output = output;
        this.log = log;
    }

    /** Runs everything, writes the output folder, and returns the metrics. */
    public Map<String, Object> run() throws IOException {
        GenerateConfig c = config;
        if (c.nd4jThreads > 0) {
            Nd4jThreads.limit(c.nd4jThreads);
        }
        Map<String, Object> effective = c.toMap();
        output.writeConfig(effective);
        ImageDataset.Splits data = c.data.load(c.trainSamples, c.samples, c.seed, DatasetChoice.STDERR);
        int h = data.train().height(), w = data.train().width();
        print("data: %s (%d training images, %d real reference images from the test split), %dx%d",
                data.source(), data.train().size(), data.test().size(), h, w);
        output.metric("data_source", data.source());
        ComponentPrior prior = new ComponentPrior(h, w, c.topoSkip);

        // 1. baseline GAN
        GanTrainer gan = new GanTrainer(data.train().images(), c.batchSize, c.learningRate, c.beta1, c.seed);
        print("generator %s (%d parameters), discriminator %s (%d parameters)",
                java.util.Arrays.toString(gan.generator().sizes()), gan.generator().parameterCount(),
                java.util.Arrays.toString(gan.discriminator().sizes()), gan.discriminator().parameterCount());
        List<double[]> dCurve = new ArrayList<>(), gCurve = new ArrayList<>(), topoCurve = new ArrayList<>();
        int ganIterations = c.ganIterations;
        if (!c.baselineFrom.isEmpty()) {
            Path dir = Path.of(c.baselineFrom);
            gan.setParameters(readFloats(dir.resolve(GENERATOR_FILE), gan.generator().parameterCount()),
                    readFloats(dir.resolve(DISCRIMINATOR_FILE), gan.discriminator().parameterCount()));
            print("baseline GAN loaded from %s (no GAN training in this run)", dir);
            ganIterations = 0;
        }
        for (int it = 1; it <= ganIterations; it++) {
            GanTrainer.StepLosses l = gan.step(prior, 0);
            dCurve.add(new double[] {it, l.discriminator()});
            gCurve.add(new double[] {it, l.generator()});
            if (it % c.logEvery == 0 || it == c.ganIterations) {
                print("gan iteration %d/%d  D loss %.4f  G loss %.4f", it, c.ganIterations, l.discriminator(),
                        l.generator());
            }
        }
        MlpNetwork baseline = gan.generator().copy();
        writeFloats(output.file(GENERATOR_FILE), gan.generator().parameters());
        writeFloats(output.file(DISCRIMINATOR_FILE), gan.discriminator().parameters());

        // 2. the same latent codes before and after
        INDArray zEval = GanTrainer.latent(c.samples, new SplittableRandom(c.seed * 1_000_003L + 7));
        INDArray zInterp = interpolationCodes(new SplittableRandom(c.seed * 1_000_003L + 11));
        double[][] before = toUnitRows(baseline.output(zEval));
        double[][] beforeInterp = toUnitRows(baseline.output(zInterp));
        double[][] after;
        double[][] afterInterp;
        if (c.variant == GenerateConfig.Variant.WEIGHTS) {
            print("topological fine-tuning of the generator's weights: %d iterations, weight %.4g, GAN loss kept",
                    c.topoIterations, c.topoWeight);
            gan.restart(c.seed * 1_000_003L + 13);
            for (int it = 1; it <= c.topoIterations; it++) {
                GanTrainer.StepLosses l = gan.step(prior, c.topoWeight);
                int x = ganIterations + it;
                dCurve.add(new double[] {x, l.discriminator()});
                gCurve.add(new double[] {x, l.generator()});
                topoCurve.add(new double[] {x, l.topological()});
                if (it % Math.max(1, Math.min(c.logEvery, 10)) == 0 || it == c.topoIterations || it == 1) {
                    print("topo iteration %d/%d  E(1,0,2;PD0) %.4f  D loss %.4f  G loss %.4f", it, c.topoIterations,
                            l.topological(), l.discriminator(), l.generator());
                }
            }
            writeFloats(output.file("generator_topological.f32"), gan.generator().parameters());
            after = toUnitRows(gan.generator().output(zEval));
            afterInterp = toUnitRows(gan.generator().output(zInterp));
        } else {
            int offset = ganIterations;
            print("latent-space variant: generator fixed, %d Adam iterations on each latent code (rate %.4g, "
                    + "norm weight %.4g)", c.latentIterations, c.latentLearningRate, c.latentNormWeight);
            LatentOptimizer.Result r = LatentOptimizer.optimize(baseline, zEval, prior, c.latentIterations,
                    c.latentLearningRate, c.latentNormWeight, LATENT_CHUNK, (it, loss) -> {
                        if (it % Math.max(1, Math.min(c.logEvery, 10)) == 0 || it == 1) {
                            print("latent iteration %d/%d  E(1,0,2;PD0) of the first %d codes %.4f", it,
                                    c.latentIterations, Math.min(LATENT_CHUNK, c.samples), loss);
                        }
                        topoCurve.add(new double[] {offset + it, loss});
                    });
            after = toUnitRows(baseline.output(r.codes()));
            afterInterp = toUnitRows(baseline.output(interpolateBetweenOptimizedEnds(baseline, prior, zInterp)));
        }

        // 3. metrics
        double[][] real = data.test().images();
        ComponentStats realStats = ComponentStats.of(prior, real, c.tau);
        ComponentStats beforeStats = ComponentStats.of(prior, before, c.tau);
        ComponentStats afterStats = ComponentStats.of(prior, after, c.tau);
        output.metric("samples", c.samples).metric("tau", c.tau).metric("variant", c.variant.name().toLowerCase(Locale.ROOT));
        output.metric("fraction_one_component_before", beforeStats.fractionOne())
                .metric("fraction_one_component_after", afterStats.fractionOne())
                .metric("fraction_one_component_real", realStats.fractionOne())
                .metric("mean_spurious_components_before", beforeStats.meanSpurious())
                .metric("mean_spurious_components_after", afterStats.meanSpurious())
                .metric("mean_spurious_components_real", realStats.meanSpurious());
        output.metric("topo_loss_before", meanLoss(prior, before)).metric("topo_loss_after", meanLoss(prior, after))
                .metric("topo_loss_real", meanLoss(prior, real));
        print("components at tau=%.3g: one component %.3f -> %.3f (real %.3f); spurious %.3f -> %.3f (real %.3f)",
                c.tau, beforeStats.fractionOne(), afterStats.fractionOne(), realStats.fractionOne(),
                beforeStats.meanSpurious(), afterStats.meanSpurious(), realStats.meanSpurious());

        distanceMetrics("l2", SampleMetrics.l2Distances(real, real), SampleMetrics::l2Distances, real, before, after);
        // W1 between PD0 diagrams: exact matchings are cubic in the bars, so on the first w1-samples
        // of each set, with bars shorter than w1-min-persistence dropped (each moves W1 by ≤ half its length)
        int m = Math.min(c.w1Samples, c.samples);
        double[][] realW = head(real, m);
        List<SampleMetrics.Bars> realD = diagrams(prior, realW, c.w1MinPersistence);
        output.metric("w1_samples", m).metric("w1_min_persistence", c.w1MinPersistence);
        distanceMetrics("w1", SampleMetrics.w1Distances(realD, realD),
                (a, b) -> {
                    List<SampleMetrics.Bars> da = diagrams(prior, a, c.w1MinPersistence);
                    return SampleMetrics.w1Distances(da, a == b ? da : diagrams(prior, b, c.w1MinPersistence));
                }, realW, head(before, m), head(after, m));

        org.topolayer.data.ImageDataset classifierData = data.train().head(c.classifierSamples);
        print("training the inception-score classifier (CNN, %d epochs on %d images)", c.classifierEpochs,
                classifierData.size());
        NetworkClassifier classifier = NetworkClassifier.cnn(h, w, data.train().classNames().length, c.seed + 5)
                .fit(classifierData, new NetworkClassifier.Training(c.classifierEpochs, 64, 1e-3, c.seed + 6),
                        (epoch, loss) -> print("classifier epoch %d/%d  loss %.4f", epoch, c.classifierEpochs, loss));
        output.metric("classifier_test_accuracy", classifier.accuracy(real, data.test().labels()));
        output.metric("inception_score_before", SampleMetrics.inceptionScore(classifier.probabilities(before)))
                .metric("inception_score_after", SampleMetrics.inceptionScore(classifier.probabilities(after)))
                .metric("inception_score_real", SampleMetrics.inceptionScore(classifier.probabilities(real)));
        print("inception score %.4f -> %.4f (real %.4f; classifier test accuracy %.3f)",
                (double) output.metrics().get("inception_score_before"),
                (double) output.metrics().get("inception_score_after"),
                (double) output.metrics().get("inception_score_real"),
                (double) output.metrics().get("classifier_test_accuracy"));
        output.metric("seconds", (System.nanoTime() - start) / 1e9);

        output.writeMetrics();
        // 4. figures
        ImageGrid.write(output.file("samples_before.png"), head(before, GRID), h, w, 8, 3, 0, 1);
        ImageGrid.write(output.file("samples_after.png"), head(after, GRID), h, w, 8, 3, 0, 1);
        ImageGrid.write(output.file("real.png"), head(real, GRID), h, w, 8, 3, 0, 1);
        ImageGrid.write(output.file("interpolation_before.png"), beforeInterp, h, w, INTERPOLATION_STEPS, 3, 0, 1);
        ImageGrid.write(output.file("interpolation_after.png"), afterInterp, h, w, INTERPOLATION_STEPS, 3, 0, 1);
        trainingChart(dCurve, gCurve, topoCurve);
        componentChart(prior, real, before, after);
        print("wrote %s (%.1f s)", output.dir(), (System.nanoTime() - start) / 1e9);
        return output.metrics();
    }

    /** MMD and coverage of before and after against the real set, with one distance. */
    private void distanceMetrics(String name, double[][] realReal, Distances distances, double[][] real,
                                 double[][] before, double[][] after) {
        double sigma = SampleMetrics.medianBandwidth(realReal);
        output.metric("mmd_" + name + "_bandwidth", sigma);
        for (String phase : new String[] {"before", "after"}) {
            double[][] gen = phase.equals("before") ? before : after;
            double[][] gg = distances.between(gen, gen);
            double[][] rg = distances.between(real, gen);
            double mmd = SampleMetrics.mmd(realReal, gg, rg, sigma);
            double coverage = SampleMetrics.coverage(realReal, rg, config.coverageK);
            output.metric("mmd_" + name + "_" + phase, mmd).metric("coverage_" + name + "_" + phase, coverage);
            print("%s: MMD %s %.5f, coverage %.4f", name.toUpperCase(Locale.ROOT), phase, mmd, coverage);
        }
    }

    @FunctionalInterface
    private interface Distances {
        double[][] between(double[][] a, double[][] b);
    }

    /** Per-image component counts at τ. */
    record ComponentStats(int[] counts) {
        static ComponentStats of(ComponentPrior prior, double[][] images, double tau) {
            int[] counts = new int[images.length];
            org.topolayer.layer.SampleParallel.forEach(images.length, i -> counts[i] = prior.components(images[i], tau));
            return new ComponentStats(counts);
        }

        double fractionOne() {
            int n = 0;
            for (int k : counts) {
                n += k == 1 ? 1 : 0;
            }
            return n / (double) counts.length;
        }

        double meanSpurious() {
            double s = 0;
            for (int k : counts) {
                s += k - 1;
            }
            return s / counts.length;
        }
    }

    private static double meanLoss(ComponentPrior prior, double[][] unitImages) {
        double[] flat = new double[unitImages.length * unitImages[0].length];
        for (int i = 0; i < unitImages.length; i++) {
            for (int p = 0; p < unitImages[i].length; p++) {
                flat[i * unitImages[i].length + p] = 2 * unitImages[i][p] - 1;
            }
        }
        return prior.evaluate(flat, unitImages.length).mean();
    }

    private static List<SampleMetrics.Bars> diagrams(ComponentPrior prior, double[][] images, double minPersistence) {
        SampleMetrics.Bars[] out = new SampleMetrics.Bars[images.length];
        org.topolayer.layer.SampleParallel.forEach(images.length,
                i -> out[i] = SampleMetrics.Bars.of(prior.superlevelH0(images[i]), minPersistence));
        return List.of(out);
    }

    /** Rows of linear interpolations between pairs of random codes, [pairs·steps, 100]. */
    private static INDArray interpolationCodes(SplittableRandom random) {
        INDArray ends = GanTrainer.latent(2 * INTERPOLATION_PAIRS, random);
        return interpolate(ends);
    }

    private static INDArray interpolate(INDArray ends) {
        INDArray out = Nd4j.create(ends.dataType(), (long) INTERPOLATION_PAIRS * INTERPOLATION_STEPS, ends.size(1));
        for (int p = 0; p < INTERPOLATION_PAIRS; p++) {
            INDArray a = ends.getRow(2 * p), b = ends.getRow(2 * p + 1);
            for (int s = 0; s < INTERPOLATION_STEPS; s++) {
                double t = s / (double) (INTERPOLATION_STEPS - 1);
                out.putRow((long) p * INTERPOLATION_STEPS + s, a.mul(1 - t).addi(b.mul(t)));
            }
        }
        return out;
    }

    /** Latent variant: optimize each interpolation's two end codes, then interpolate linearly between them. */
    private INDArray interpolateBetweenOptimizedEnds(MlpNetwork generator, ComponentPrior prior, INDArray codes) {
        INDArray ends = Nd4j.create(codes.dataType(), 2L * INTERPOLATION_PAIRS, codes.size(1));
        for (int p = 0; p < INTERPOLATION_PAIRS; p++) {
            ends.putRow(2L * p, codes.getRow((long) p * INTERPOLATION_STEPS));
            ends.putRow(2L * p + 1, codes.getRow((long) p * INTERPOLATION_STEPS + INTERPOLATION_STEPS - 1));
        }
        INDArray optimized = LatentOptimizer.optimize(generator, ends, prior, config.latentIterations,
                config.latentLearningRate, config.latentNormWeight, LATENT_CHUNK, null).codes();
        return interpolate(optimized);
    }

    /** Writes floats as raw little-endian float32, atomically. */
    static void writeFloats(Path file, float[] values) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * values.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        org.topolayer.io.AtomicFiles.write(file, b.array());
    }

    /** Reads a file written by {@link #writeFloats}, checking its length. */
    public static float[] readFloats(Path file, long expected) throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        if (bytes.length != 4 * expected) {
            throw new org.topolayer.io.BadInputException(file.toString(), "expected " + expected
                    + " float32 parameters (" + 4 * expected + " bytes), found " + bytes.length + " bytes");
        }
        float[] out = new float[(int) expected];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    private static double[][] toUnitRows(INDArray tanhOutputs) {
        double[][] rows = tanhOutputs.toDoubleMatrix();
        for (int i = 0; i < rows.length; i++) {
            rows[i] = ComponentPrior.toUnit(rows[i]);
        }
        return rows;
    }

    private static double[][] head(double[][] rows, int n) {
        return java.util.Arrays.copyOf(rows, Math.min(n, rows.length));
    }

    private void trainingChart(List<double[]> d, List<double[]> g, List<double[]> topo) throws IOException {
        XYChart chart = Charts.chart("GAN training (" + config.variant.name().toLowerCase(Locale.ROOT) + " variant)",
                config.variant == GenerateConfig.Variant.LATENT ? "iteration (GAN, then latent optimization)"
                        : "iteration", "loss", 900, 450);
        if (!d.isEmpty()) { // empty when the baseline was loaded and the variant is latent
            Charts.line(chart, "discriminator", column(d, 0), column(d, 1));
            Charts.line(chart, "generator (GAN)", column(g, 0), column(g, 1));
        }
        if (!topo.isEmpty()) {
            Charts.line(chart, "E(1,0,2;PD0) per image", column(topo, 0), column(topo, 1));
        }
        Charts.save(chart, output.file("training.png"));
    }

    private void componentChart(ComponentPrior prior, double[][] real, double[][] before, double[][] after)
            throws IOException {
        XYChart chart = Charts.chart("components above tau = " + config.tau + " (10: ten or more)", "components",
                "fraction of images",
                700, 450);
        Map<String, double[][]> sets = new LinkedHashMap<>();
        sets.put("real", real);
        sets.put("before", before);
        sets.put("after", after);
        for (Map.Entry<String, double[][]> e : sets.entrySet()) {
            int[] counts = ComponentStats.of(prior, e.getValue(), config.tau).counts();
            double[] x = new double[10], y = new double[10];
            for (int k = 0; k < 10; k++) {
                x[k] = k + 1;
            }
            for (int n : counts) {
                y[Math.min(9, n - 1)] += 1.0 / counts.length;
            }
            Charts.line(chart, e.getKey(), x, y).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        }
        Charts.save(chart, output.file("components.png"));
    }

    private static double[] column(List<double[]> rows, int k) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[k];
        }
        return out;
    }

    private void print(String format, Object... args) {
        log.printf(Locale.ROOT, "[%6.1fs] " + format + "%n", prepend((System.nanoTime() - start) / 1e9, args));
        log.flush();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] out = new Object[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
