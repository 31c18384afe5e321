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
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.data.DatasetChoice;
import org.topolayer.data.ImageDataset;
import org.topolayer.features.FeatureSpec;
import org.topolayer.nn.MlpNetwork;
import org.topolayer.nn.Nd4jThreads;
import org.topolayer.plot.Charts;
import org.topolayer.plot.ImageGrid;

/**
 * {@code topo generate}: the paper's generator experiment. A baseline GAN (the authors' MLP
 * generator with batch normalisation) on Fashion-MNIST (or the synthetic fallback), then, from that
 * same baseline, each configured topological fine-tuning with the prior "one component"
 * (superlevel E(1,0,2;PD0)): {@code topology} (the generator's weights on the topology loss alone,
 * the paper's setup), {@code gan_topology} (GAN loss + weighted topology loss) and optionally
 * {@code latent} (latent codes moved, generator fixed). Every generator is measured on the same
 * latent codes with the paper's metrics (Achlioptas et al.'s MMD and COV with L2 between images
 * and 1-Wasserstein between superlevel PD0 diagrams, and the inception score of a CNN scorer
 * trained in the run, or loaded from the {@link ScorerCache} when trained identically before) plus
 * extra, labelled figures (kernel MMD, Naeem coverage, component counts); image grids, latent
 * interpolations and training curves. See {@link SampleMetrics}.
 */
public final class GenerateApp {
    /** The baseline networks' flat parameters (raw little-endian float32, {@link MlpNetwork#parameters} order). */
    public static final String GENERATOR_FILE = "generator_baseline.f32";
    public static final String DISCRIMINATOR_FILE = "discriminator_baseline.f32";
    /** The paper's five metrics, the keys of each generator's entry in metrics.json. */
    public static final List<String> PAPER_METRICS = List.of("mmd_l2", "cov_l2", "mmd_w1", "cov_w1", "inception_score");
    private static final String BASELINE = "baseline";
    private static final int LATENT_CHUNK = 250;
    private static final int GRID = 64;
    private static final int INTERPOLATION_PAIRS = 8;
    private static final int INTERPOLATION_STEPS = 10;
    /** The scorer's test accuracy is measured on up to this many test images (all of Fashion-MNIST's). */
    private static final int SCORER_TEST_IMAGES = 10_000;
    /** The scorer's progress lines give its accuracy on this many test images. */
    private static final int SCORER_PROGRESS_IMAGES = 1_000;

    private final GenerateConfig config;
    private final RunOutput output;
    private final PrintWriter log;
    private final long start = System.nanoTime();

    private final Path scorerCacheDir;

    public GenerateApp(GenerateConfig config, RunOutput output, PrintWriter log) {
        this(config, output, log, ScorerCache.defaultDir());
    }

    /** With the scorer cache in {@code scorerCacheDir} (used when scorer-cache is true; tests). */
    GenerateApp(GenerateConfig config, RunOutput output, PrintWriter log, Path scorerCacheDir) {
        this.config = config;
        this.output = output;
        this.log = log;
        this.scorerCacheDir = scorerCacheDir;
    }

    /** One generator's samples on the evaluation codes and its interpolation rows (images in [0, 1]). */
    private record Samples(String name, double[][] images, double[][] interpolation) {}

    /** Runs everything, writes the output folder, and returns the metrics. */
    public Map<String, Object> run() throws IOException {
        GenerateConfig c = config;
        if (c.nd4jThreads > 0) {
            Nd4jThreads.limit(c.nd4jThreads);
        }
        Map<String, Object> effective = c.toMap();
        output.writeConfig(effective);
        // real data: the scorer's accuracy on the whole test split (up to 10 000 images); synthetic: samples
        int testImages = c.data.idxFolder(DatasetChoice.STDERR) != null ? Math.max(c.samples, SCORER_TEST_IMAGES)
                : c.samples;
        ImageDataset.Splits data = c.data.load(Math.max(c.trainSamples, c.scorerSamples), testImages, c.seed,
                DatasetChoice.STDERR);
        ImageDataset ganData = data.train().head(c.trainSamples);
        double[][] reference = head(data.test().images(), c.samples);
        int h = data.train().height(), w = data.train().width();
        print("data: %s (%d training images for the GAN, %d for the scorer; %d test images, the first %d the "
                + "reference set), %dx%d", data.source(), ganData.size(), Math.min(c.scorerSamples, data.train().size()),
                data.test().size(), reference.length, h, w);
        if (reference.length < c.samples) {
            throw new org.topolayer.io.BadInputException(c.data.toString(), "the test split has " + reference.length
                    + " images, fewer than samples=" + c.samples + "; lower samples");
        }
        output.metric("data_source", data.source());
        // the scorer trains on its own thread while the GAN trains (one core each at nd4j-threads=1)
        java.util.concurrent.ExecutorService scorerThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scorer");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Future<Scorer> scorerFuture = scorerThread.submit(() -> trainScorer(data, h, w));
        scorerThread.shutdown();
        ComponentPrior prior = new ComponentPrior(h, w, c.topoSkip);
        Map<String, Object> loss = new LinkedHashMap<>(FeatureSpec.record(prior.feature(), 1));
        loss.put("filtration", "superlevel, image (x + 1)/2 in [0, 1]");
        loss.put("reduction", "mean over the batch");
        output.metric("topology_loss", loss);
        Map<String, Object> seconds = new LinkedHashMap<>();

        // 1. baseline GAN
        long phase = System.nanoTime();
        GanTrainer gan = new GanTrainer(ganData.images(), c.batchSize, c.learningRate, c.beta1, c.batchNorm, c.seed);
        print("generator %s %s (%d parameters), discriminator %s (%d parameters), batches of %d",
                java.util.Arrays.toString(gan.generator().sizes()), gan.generator().batchNorm(),
                gan.generator().parameterCount(), java.util.Arrays.toString(gan.discriminator().sizes()),
                gan.discriminator().parameterCount(), c.batchSize);
        List<double[]> dCurve = new ArrayList<>(), gCurve = new ArrayList<>();
        Map<String, List<double[]>> topoCurves = new LinkedHashMap<>();
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
            if (it % c.logEvery == 0 || it == ganIterations) {
                print("gan iteration %d/%d  D loss %.4f  G loss %.4f", it, ganIterations, l.discriminator(),
                        l.generator());
            }
        }
        seconds.put("baseline_gan", (System.nanoTime() - phase) / 1e9);
        output.metric("gan_iterations", ganIterations).metric("batch_size", c.batchSize);
        MlpNetwork baseline = gan.generator().copy();
        float[] baselineGenerator = gan.generator().parameters();
        float[] baselineDiscriminator = gan.discriminator().parameters();
        writeFloats(output.file(GENERATOR_FILE), baselineGenerator);
        writeFloats(output.file(DISCRIMINATOR_FILE), baselineDiscriminator);

        // 2. every generator on the same latent codes; interpolations between pairs of them
        INDArray zEval = GanTrainer.latent(c.samples, new SplittableRandom(c.seed * 1_000_003L + 7));
        List<Samples> sets = new ArrayList<>();
        sets.add(samples(BASELINE, baseline, zEval));
        for (GenerateConfig.Variant variant : c.variants) {
            phase = System.nanoTime();
            List<double[]> curve = new ArrayList<>();
            topoCurves.put(variant.key, curve);
            long variantSeed = c.seed * 1_000_003L + 13;
            if (variant == GenerateConfig.Variant.LATENT) {
                print("latent: generator fixed, %d Adam iterations on each latent code (rate %.4g, norm weight %.4g)",
                        c.latentIterations, c.latentLearningRate, c.latentNormWeight);
                LatentOptimizer.Result r = LatentOptimizer.optimize(baseline, zEval, prior, c.latentIterations,
                        c.latentLearningRate, c.latentNormWeight, LATENT_CHUNK, (it, value) -> {
                            if (it % Math.max(1, Math.min(c.logEvery, 10)) == 0 || it == 1) {
                                print("latent iteration %d/%d  E of the first %d codes %.4f", it, c.latentIterations,
                                        Math.min(LATENT_CHUNK, c.samples), value);
                            }
                            curve.add(new double[] {it, value});
                        });
                Samples moved = samples(variant.key, baseline, r.codes());
                sets.add(moved);
            } else {
                boolean withGan = variant == GenerateConfig.Variant.GAN_TOPOLOGY;
                print("%s: %d iterations on the generator's weights from the baseline, %s", variant.key,
                        c.topoIterations, withGan ? "GAN loss + " + c.topoWeight + " x topology loss (discriminator "
                                + "training too)" : "topology loss alone");
                gan.setParameters(baselineGenerator, baselineDiscriminator);
                gan.restart(variantSeed);
                for (int it = 1; it <= c.topoIterations; it++) {
                    GanTrainer.StepLosses l = withGan ? gan.step(prior, c.topoWeight) : gan.topologyStep(prior);
                    curve.add(new double[] {it, l.topological()});
                    if (it % Math.max(1, Math.min(c.logEvery, 10)) == 0 || it == c.topoIterations || it == 1) {
                        print("%s iteration %d/%d  E(1,0,2;PD0) %.4f%s", variant.key, it, c.topoIterations,
                                l.topological(), withGan ? String.format(Locale.ROOT, "  D loss %.4f  G loss %.4f",
                                        l.discriminator(), l.generator()) : "");
                    }
                }
                writeFloats(output.file("generator_" + variant.key + ".f32"), gan.generator().parameters());
                sets.add(samples(variant.key, gan.generator(), zEval));
            }
            seconds.put(variant.key, (System.nanoTime() - phase) / 1e9);
        }

        // 3. metrics: the paper's five, then the extra figures
        phase = System.nanoTime();
        output.metric("samples", c.samples).metric("w1_samples", Math.min(c.w1Samples, c.samples))
                .metric("w1_min_persistence", c.w1MinPersistence).metric("tau", c.tau)
                .metric("coverage_k", c.coverageK);
        Map<String, Map<String, Object>> perSet = new LinkedHashMap<>();
        for (Samples s : sets) {
            perSet.put(s.name(), new LinkedHashMap<>());
        }
        Map<String, Object> realFigures = new LinkedHashMap<>();
        distanceMetrics("l2", reference, sets, perSet, SampleMetrics::l2Distances);
        int m = Math.min(c.w1Samples, c.samples);
        List<SampleMetrics.Bars> referenceDiagrams = diagrams(prior, head(reference, m), c.w1MinPersistence);
        Map<double[][], List<SampleMetrics.Bars>> diagramsOf = new java.util.IdentityHashMap<>();
        distanceMetrics("w1", head(reference, m), sets.stream().map(s -> new Samples(s.name(), head(s.images(), m), null))
                .toList(), perSet, (a, b) -> SampleMetrics.w1Distances(
                        diagramsOf.computeIfAbsent(a, x -> diagrams(prior, x, c.w1MinPersistence)),
                        diagramsOf.computeIfAbsent(b, x -> diagrams(prior, x, c.w1MinPersistence))));
        seconds.put("distances", (System.nanoTime() - phase) / 1e9);

        phase = System.nanoTime();
        Scorer trained = awaitScorer(scorerFuture);
        NetworkClassifier scorer = trained.classifier();
        seconds.put("scorer_wait", (System.nanoTime() - phase) / 1e9);
        double accuracy = scorer.accuracy(data.test().images(), data.test().labels());
        output.metric("scorer_accuracy", accuracy).metric("scorer_test_images", data.test().size());
        Map<String, Object> scorerInfo = new LinkedHashMap<>();
        scorerInfo.put("architecture", SCORER_SHAPE.describe() + " (NetworkClassifier.cnn, GenerateApp.SCORER_SHAPE)");
        scorerInfo.put("train_images", trained.trainImages());
        scorerInfo.put("epochs", trained.epochs());
        scorerInfo.put("batch_size", c.scorerBatchSize);
        scorerInfo.put("learning_rate", c.scorerLearningRate);
        scorerInfo.put("max_shift", c.scorerShift);
        if (c.scorerLateRateFactor != 1) { // absent at the default, so default runs' metrics keep their keys
            scorerInfo.put("late_rate_factor", c.scorerLateRateFactor);
        }
        scorerInfo.put("source", trained.loaded() ? "loaded from the cache" : "trained in this run");
        scorerInfo.put("cache_file", trained.cacheFile());
        scorerInfo.put("training_seconds", trained.seconds());
        output.metric("scorer", scorerInfo);
        print("scorer test accuracy %.4f on %d test images", accuracy, data.test().size());
        for (Samples s : sets) {
            perSet.get(s.name()).put("inception_score", SampleMetrics.inceptionScore(scorer.probabilities(s.images())));
        }
        realFigures.put("inception_score", SampleMetrics.inceptionScore(scorer.probabilities(reference)));

        ComponentStats realStats = ComponentStats.of(prior, reference, c.tau);
        realFigures.put("topo_loss", meanLoss(prior, reference));
        realFigures.put("fraction_one_component", realStats.fractionOne());
        realFigures.put("mean_spurious_components", realStats.meanSpurious());
        for (Samples s : sets) {
            ComponentStats stats = ComponentStats.of(prior, s.images(), c.tau);
            Map<String, Object> f = perSet.get(s.name());
            f.put("topo_loss", meanLoss(prior, s.images()));
            f.put("fraction_one_component", stats.fractionOne());
            f.put("mean_spurious_components", stats.meanSpurious());
        }
        for (Samples s : sets) { // the paper's five first, then the extra figures, in the same order for every set
            Map<String, Object> ordered = new LinkedHashMap<>();
            Map<String, Object> f = perSet.get(s.name());
            ordered.put("iterations", s.name().equals(BASELINE) ? ganIterations
                    : s.name().equals(GenerateConfig.Variant.LATENT.key) ? c.latentIterations : c.topoIterations);
            for (String k : PAPER_METRICS) {
                ordered.put(k, f.get(k));
            }
            if (!s.name().equals(BASELINE)) {
                ordered.put("improved_over_baseline", improved(perSet.get(BASELINE), ordered));
            }
            f.forEach(ordered::putIfAbsent);
            output.metric(s.name(), ordered);
            print("%-13s MMD-L2 %.4f  COV-L2 %.3f  MMD-W1 %.4f  COV-W1 %.3f  IS %.3f  E %.3f  one component %.3f",
                    s.name(), ordered.get("mmd_l2"), ordered.get("cov_l2"), ordered.get("mmd_w1"), ordered.get("cov_w1"),
                    ordered.get("inception_score"), ordered.get("topo_loss"), ordered.get("fraction_one_component"));
        }
        output.metric("real", realFigures);
        print("real test images: IS %.3f  E %.3f  one component %.3f", realFigures.get("inception_score"),
                realFigures.get("topo_loss"), realFigures.get("fraction_one_component"));
        seconds.put("total", (System.nanoTime() - start) / 1e9);
        // the process's CPU time: about the wall time on idle cores at nd4j-threads=1, whatever the load was
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            seconds.put("process_cpu", os.getProcessCpuTime() / 1e9);
        }
        output.metric("seconds", seconds);

        output.writeMetrics();
        // 4. figures
        ImageGrid.write(output.file("real.png"), head(reference, GRID), h, w, 8, 3, 0, 1);
        for (Samples s : sets) {
            ImageGrid.write(output.file("samples_" + s.name() + ".png"), head(s.images(), GRID), h, w, 8, 3, 0, 1);
            ImageGrid.write(output.file("interpolation_" + s.name() + ".png"), s.interpolation(), h, w,
                    INTERPOLATION_STEPS, 3, 0, 1);
        }
        trainingChart(dCurve, gCurve, topoCurves, ganIterations);
        componentChart(prior, reference, sets);
        print("wrote %s (%.1f s)", output.dir(), (System.nanoTime() - start) / 1e9);
        return output.metrics();
    }

    /**
     * The inception score's CNN: the attack's pixel-cnn with a dense layer of 128 and no dropout. It
     * costs 1.7x less per training image than conv 32/32 with dropout 0.5 and, in our trials, learned
     * no slower per image (docs/apps/generative-prior.md has the trials and the accuracies reached).
     */
    static final NetworkClassifier.CnnShape SCORER_SHAPE = new NetworkClassifier.CnnShape(16, 32, 128, 0);

    /** The scorer, whether it came from the cache, and the seconds its training took (then or now). */
    private record Scorer(NetworkClassifier classifier, int trainImages, int epochs, boolean loaded, double seconds,
                          String cacheFile) {}

    /**
     * The inception score's CNN on the first scorer-samples training images (run on the scorer
     * thread): loaded from the {@link ScorerCache} when an identical one was trained before, else
     * trained (and cached).
     */
    private Scorer trainScorer(ImageDataset.Splits data, int h, int w) throws IOException {
        long begin = System.nanoTime();
        GenerateConfig c = config;
        ImageDataset train = data.train().head(c.scorerSamples);
        int epochs = c.scorerEpochs(train.size());
        // with a late rate factor, the last third of the epochs is a second phase at the lower rate
        // (Adam's moments carry over; the phase shuffles with a seed of its own)
        int lateEpochs = c.scorerLateRateFactor == 1 ? 0 : epochs / 3;
        NetworkClassifier.Training training = new NetworkClassifier.Training(epochs - lateEpochs, c.scorerBatchSize,
                c.scorerLearningRate, c.seed + 6, c.scorerShift);
        NetworkClassifier.Training late = new NetworkClassifier.Training(lateEpochs, c.scorerBatchSize,
                c.scorerLearningRate * c.scorerLateRateFactor, c.seed + 7, c.scorerShift);
        long initSeed = c.seed + 5;
        int classes = data.train().classNames().length;
        ScorerCache cache = c.scorerCache ? new ScorerCache(scorerCacheDir) : null;
        String key = null;
        if (cache != null) {
            key = ScorerCache.key(train, String.join("\n", "architecture " + SCORER_SHAPE.describe() + ", "
                    + classes + " classes", "init seed " + initSeed, "training " + training) + (lateEpochs == 0 ? "" : "\nthen " + late));
            ScorerCache.Entry hit = cache.load(data.source(), key, line -> print("warning: %s", line));
            if (hit != null) {
                print("scorer: loaded from %s (trained before in %.1f s)", cache.file(data.source(), key),
                        hit.trainingSeconds());
                return new Scorer(hit.classifier(), train.size(), epochs, true, hit.trainingSeconds(),
                        cache.file(data.source(), key).toString());
            }
        }
        print("scorer: training a CNN (%s) on %d images for %d epochs (batches of %d, Adam %.4g, random shifts up to "
                + "%d pixels) beside the GAN", SCORER_SHAPE.describe(), train.size(), epochs, c.scorerBatchSize,
                c.scorerLearningRate, c.scorerShift);
        NetworkClassifier scorer = NetworkClassifier.cnn(h, w, classes, initSeed, SCORER_SHAPE,
                org.nd4j.linalg.api.buffer.DataType.FLOAT);
        // progress on a small slice of the test split (reporting only: nothing is chosen by it)
        ImageDataset peek = data.test().head(SCORER_PROGRESS_IMAGES);
        for (NetworkClassifier.Training phase : lateEpochs == 0 ? List.of(training) : List.of(training, late)) {
            int before = phase == training ? 0 : training.epochs();
            scorer.fit(train, phase, (epoch, value) -> print("scorer epoch %d/%d  rate %.4g  loss %.4f  accuracy on the "
                    + "first %d test images %.4f", before + epoch, epochs, phase.learningRate(), value, peek.size(),
                    scorer.accuracy(peek.images(), peek.labels())));
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        String cacheFile = "";
        if (cache != null) {
            try { // a cache that cannot be written costs the next run a retraining, not this run its results
                cache.save(data.source(), key, new ScorerCache.Entry(scorer, seconds));
                cacheFile = cache.file(data.source(), key).toString();
                print("scorer: cached in %s", cacheFile);
            } catch (IOException e) {
                print("warning: cannot cache the scorer in %s (%s); it will be trained again next time",
                        cache.file(data.source(), key), e.getMessage());
            }
        }
        return new Scorer(scorer, train.size(), epochs, false, seconds, cacheFile);
    }

    private static Scorer awaitScorer(java.util.concurrent.Future<Scorer> future)
            throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the scorer", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException(e.getCause());
        }
    }

    /**
     * A generator's images on the codes and its interpolation rows: linear paths between the
     * codes 0–1, 2–3, …, generated in one batch with all the codes so that batch normalisation
     * sees the statistics of typical codes (the interpolation rows come first and are kept).
     */
    private static Samples samples(String name, MlpNetwork generator, INDArray codes) {
        INDArray ends = codes.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, Math.min(codes.size(0),
                2L * INTERPOLATION_PAIRS)), org.nd4j.linalg.indexing.NDArrayIndex.all());
        INDArray paths = interpolate(ends);
        double[][] both = toUnitRows(generator.output(Nd4j.vstack(paths, codes)));
        int k = (int) paths.size(0);
        return new Samples(name, java.util.Arrays.copyOfRange(both, k, both.length), java.util.Arrays.copyOf(both, k));
    }

    /** The paper's metrics that improved over the baseline (lower MMD, higher COV and inception score). */
    private static List<String> improved(Map<String, Object> baseline, Map<String, Object> variant) {
        List<String> out = new ArrayList<>();
        for (String k : PAPER_METRICS) {
            double b = (double) baseline.get(k), v = (double) variant.get(k);
            if (k.startsWith("mmd") ? v < b : v > b) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * With one distance: the paper's MMD and COV of every set against the reference set, and the
     * extra kernel MMD and Naeem coverage (their bandwidth and radii from the reference set alone).
     */
    private void distanceMetrics(String name, double[][] reference, List<Samples> sets,
                                 Map<String, Map<String, Object>> perSet, Distances distances) {
        double[][] rr = distances.between(reference, reference);
        double sigma = SampleMetrics.medianBandwidth(rr);
        output.metric("kernel_mmd_" + name + "_bandwidth", sigma);
        for (Samples s : sets) {
            double[][] rg = distances.between(reference, s.images());
            double[][] gg = distances.between(s.images(), s.images());
            Map<String, Object> f = perSet.get(s.name());
            f.put("mmd_" + name, SampleMetrics.minimumMatchingDistance(rg));
            f.put("cov_" + name, SampleMetrics.coverage(rg));
            f.put("kernel_mmd_" + name, SampleMetrics.kernelMmd(rr, gg, rg, sigma));
            f.put("naeem_coverage_" + name, SampleMetrics.naeemCoverage(rr, rg, config.coverageK));
            print("%s %-13s MMD %.5f  COV %.4f  (kernel MMD %.5f, Naeem coverage %.4f)", name.toUpperCase(Locale.ROOT),
                    s.name(), f.get("mmd_" + name), f.get("cov_" + name), f.get("kernel_mmd_" + name),
                    f.get("naeem_coverage_" + name));
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

    private static INDArray interpolate(INDArray ends) {
        int pairs = (int) ends.size(0) / 2;
        INDArray out = Nd4j.create(ends.dataType(), (long) pairs * INTERPOLATION_STEPS, ends.size(1));
        for (int p = 0; p < pairs; p++) {
            INDArray a = ends.getRow(2 * p), b = ends.getRow(2 * p + 1);
            for (int s = 0; s < INTERPOLATION_STEPS; s++) {
                double t = s / (double) (INTERPOLATION_STEPS - 1);
                out.putRow((long) p * INTERPOLATION_STEPS + s, a.mul(1 - t).addi(b.mul(t)));
            }
        }
        return out;
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
                    + " float32 parameters (" + 4 * expected + " bytes), found " + bytes.length + " bytes: networks of"
                    + " another architecture (with batch normalisation only if made with batch-norm=true)");
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

    private void trainingChart(List<double[]> d, List<double[]> g, Map<String, List<double[]>> topo,
                               int ganIterations) throws IOException {
        XYChart chart = Charts.chart("GAN training, then each topological fine-tuning from the baseline",
                "iteration (fine-tuning iterations after the GAN's)", "loss", 900, 450);
        if (!d.isEmpty()) { // empty when the baseline was loaded
            Charts.line(chart, "discriminator", column(d, 0), column(d, 1));
            Charts.line(chart, "generator (GAN)", column(g, 0), column(g, 1));
        }
        for (Map.Entry<String, List<double[]>> e : topo.entrySet()) {
            if (!e.getValue().isEmpty()) {
                double[] x = column(e.getValue(), 0);
                for (int i = 0; i < x.length; i++) {
                    x[i] += ganIterations;
                }
                Charts.line(chart, "E(1,0,2;PD0) per image, " + e.getKey(), x, column(e.getValue(), 1));
            }
        }
        Charts.save(chart, output.file("training.png"));
    }

    private void componentChart(ComponentPrior prior, double[][] real, List<Samples> generated) throws IOException {
        XYChart chart = Charts.chart("components above tau = " + config.tau + " (10: ten or more)", "components",
                "fraction of images", 700, 450);
        Map<String, double[][]> sets = new LinkedHashMap<>();
        sets.put("real", real);
        for (Samples s : generated) {
            sets.put(s.name(), s.images());
        }
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

    private synchronized void print(String format, Object... args) {
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
