package org.topolayer.spark.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.topolayer.apps.attack.ClassifierRecipe;
import org.topolayer.apps.attack.SavedClassifier;
import org.topolayer.apps.attack.TopFeatureMap;
import org.topolayer.apps.attack.TopModel;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.nn.Standardizer;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.io.SampleCheck;
import org.topolayer.spark.io.SampleLimits;
import org.topolayer.spark.output.AtomicOutput;
import scala.Tuple2;

/**
 * Trains one of the attack application's classifiers ({@link ClassifierRecipe}) by synchronous
 * data-parallel Adam on the cross-entropy ({@link ClassifierLoss}), on clean labelled images,
 * optionally mixed with adversarial images read from files (the attack job's output, ids after the
 * clean ones, a fixed fraction of every batch) or replaced by adversarial examples made on the fly
 * against each step's parameters. Samples are arranged in groups of {@code --group-size} ids (default {@link #GROUP})
 * ({@link GroupPartitioner}), so a step's gradient is the same bit for bit on any number of
 * partitions. A TopModel's features are computed once per image on the executors and cached; its
 * standardizer is fit on the driver from the clean images' features, as {@code topo attack} fits
 * it, and stays fixed.
 */
final class ClassifierWorkload implements Workload {
    /** Default ids per evaluation group: a DL4J batch of a whole-data step. */
    static final long GROUP = DistributedGradient.BATCH;
    private final long groupSize;
    private final ClassifierRecipe recipe;
    private final JavaRDD<Sample> samples;
    private final long cleanCount;
    private final long adversarialCount;
    private final double fileFraction;
    private final ClassifierLoss.OnTheFly onTheFly;
    private final Standardizer standardizer;
    private final TrainedNetwork network;
    private final Rejected rejected;
    private final double topoWeightLambda;
    private final WeightTopology weightTopology;
    private long step;

    /** Bad adversarial-input samples left out under {@code --on-bad-sample reject}: how many, the first few. */
    record Rejected(long count, List<String> first) {
    }

    /**
     * Reads and checks the samples, computes a TopModel's features and fits its standardizer.
     *
     * @param clean        labelled images (all of one shape, labels in 0..classes−1: a bad one fails the job)
     * @param adversarial  adversarial images with their true labels, or null for none
     * @param fileFraction the fraction of each batch drawn from {@code adversarial}
     * @param onTheFly     the attack made at every step on the clean samples, or null
     * @param partitions   partitions of the cached samples
     * @param limits       the {@code --on-bad-sample} policy for the adversarial images
     * @param topoWeightLambda the weight of {@link WeightTopology} (pixel-mlp on H×W images; 0: none)
     * @param initial      a classifier to start from (its parameters; a TopModel's standardizer too), or null
     *                     for the recipe's initial network
     * @param groupSize    ids per evaluation group (the result depends on it, not on the partitions)
     */
    ClassifierWorkload(JavaRDD<Sample> clean, JavaRDD<Sample> adversarial, double fileFraction,
                       ClassifierLoss.OnTheFly onTheFly, String model, int classes, int[] hidden, long modelSeed,
                       TopFeatureMap.Spec features, int partitions, SampleLimits limits, double learningRate,
                       double beta1, double topoWeightLambda, SavedClassifier initial, long groupSize) {
        List<Sample> first = clean.take(1);
        if (first.isEmpty()) {
            throw new BadJobInputException("the input has no samples; check --input");
        }
        if (SampleCheck.problem(first.get(0)) != null) {
            throw SampleLimits.failure(first.get(0).getId(), SampleCheck.problem(first.get(0)));
        }
        int[] shape = first.get(0).effectiveShape();
        try {
            this.recipe = new ClassifierRecipe(model, shape, classes, hidden, modelSeed, features);
        } catch (IllegalArgumentException e) {
            throw new BadJobInputException("sample " + first.get(0).getId() + ": " + e.getMessage());
        }
        JavaRDD<Sample> good = checked(clean, shape, classes);
        this.cleanCount = good.count();
        JavaRDD<Sample> indexed = good.zipWithIndex().map(t -> relabelled(t._1(), t._2()));
        Rejected bad = new Rejected(0, List.of());
        long adversarialRows = 0;
        if (adversarial != null) {
            boolean reject = limits.rejects();
            JavaRDD<Tuple2<Sample, String>> judged = adversarial.map(s -> new Tuple2<>(s, problem(s, shape, classes)));
            List<Tuple2<Sample, String>> problems = judged.filter(t -> t._2() != null).collect();
            if (!problems.isEmpty()) {
                List<Tuple2<Sample, String>> sorted = new ArrayList<>(problems);
                sorted.sort(Comparator.comparingLong(t -> t._1().getId()));
                if (!reject) {
                    throw SampleLimits.failure(sorted.get(0)._1().getId(), sorted.get(0)._2()
                            + " (in --adversarial-input)");
                }
                bad = new Rejected(sorted.size(), sorted.stream().limit(5)
                        .map(t -> "sample " + t._1().getId() + ": " + t._2()).toList());
            }
            JavaRDD<Sample> usable = judged.filter(t -> t._2() == null).map(Tuple2::_1);
            long offset = cleanCount;
            JavaRDD<Sample> shifted = usable.zipWithIndex().map(t -> relabelled(t._1(), offset + t._2()));
            adversarialRows = shifted.count();
            if (adversarialRows == 0) {
                throw new BadJobInputException("--adversarial-input has no usable samples; give the attack job's"
                        + " output folder");
            }
            indexed = indexed.union(shifted);
        }
        this.rejected = bad;
        this.adversarialCount = adversarialRows;
        this.fileFraction = fileFraction;
        this.onTheFly = onTheFly;
        ClassifierRecipe r = recipe;
        this.groupSize = groupSize;
        this.samples = indexed.mapToPair(s -> new Tuple2<>(s.getId(), s))
                .repartitionAndSortWithinPartitions(new GroupPartitioner(partitions, groupSize))
                .mapPartitions(it -> {
                    TopFeatureMap map = r.topModel() ? r.featureMap() : null;
                    List<Sample> out = new ArrayList<>();
                    while (it.hasNext()) {
                        Sample s = it.next()._2();
                        out.add(new ClassifierSample(s, map == null ? null : map.features(s.getValues())));
                    }
                    return out.iterator();
                }, true).cache();
        if (topoWeightLambda > 0 && (!model.equals("pixel-mlp") || shape.length != 2)) {
            throw new BadJobInputException("--topo-weight-lambda needs --model pixel-mlp on 2-D images (the first"
                    + " layer's units then have weight images); the input's shape is " + Arrays.toString(shape));
        }
        this.topoWeightLambda = topoWeightLambda;
        this.weightTopology = topoWeightLambda > 0 ? new WeightTopology(shape[0], shape[1], recipe.hidden()[0]) : null;
        NetworkClassifier start = initial == null ? recipe.network() : startingNetwork(initial);
        this.standardizer = !recipe.topModel() ? null : initial != null
                ? ((TopModel) initial.classifier()).standardizer() : fitStandardizer();
        this.network = new TrainedNetwork(model, new ClassifierShape(recipe), start.parameters(), learningRate,
                beta1);
    }

    /** The network of a classifier file to start from, refused in one line unless it is of the recipe's kind. */
    private NetworkClassifier startingNetwork(SavedClassifier initial) {
        try {
            initial.requireShape(recipe.shape(), "the input");
            initial.requireClasses(recipe.classes(), "the job (--classes)");
        } catch (org.topolayer.io.BadInputException e) {
            throw new BadJobInputException(e.getMessage() + " (--init-classifier)");
        }
        NetworkClassifier network = initial.classifier() instanceof TopModel top ? (NetworkClassifier) top.head()
                : (NetworkClassifier) initial.classifier();
        boolean sameFeatures = !(initial.classifier() instanceof TopModel top2)
                || top2.featureMap().spec().equals(recipe.features());
        if (!initial.model().equals(recipe.model()) || !sameFeatures
                || network.parameterCount() != recipe.network().parameterCount()) {
            throw new BadJobInputException("--init-classifier " + initial.source() + " is a " + initial.describe()
                    + ", not the " + recipe.model() + " of these options (--model, --classifier-hidden, the TopModel"
                    + " feature options); give its options or another file");
        }
        return network;
    }

    /** The clean features in id order (so the same on any partitioning), as topo attack fits them. */
    private Standardizer fitStandardizer() {
        long end = cleanCount;
        List<Tuple2<Long, double[]>> rows = new ArrayList<>(samples.filter(s -> s.getId() < end)
                .map(s -> new Tuple2<>(s.getId(), ((ClassifierSample) s).getFeatures())).collect());
        rows.sort(Comparator.comparingLong(Tuple2::_1));
        return Standardizer.fit(rows.stream().map(Tuple2::_2).toArray(double[][]::new));
    }

    private static Sample relabelled(Sample s, long id) {
        return new Sample(id, s.getLabel(), s.getValues(), s.getShape());
    }

    /** What makes a sample unusable: unreadable, NaN or infinite values, no or a bad label, another shape. */
    static String problem(Sample s, int[] shape, int classes) {
        String problem = SampleCheck.problem(s);
        if (problem != null) {
            return problem;
        }
        if (s.getLabel() == null) {
            return "no label (the classifier workload needs labelled samples: --label-column, or the attack job's"
                    + " label column)";
        }
        if (s.getLabel() < 0 || s.getLabel() >= classes) {
            return "label " + s.getLabel() + " is outside 0.." + (classes - 1) + " (--classes " + classes + ")";
        }
        if (!Arrays.equals(s.effectiveShape(), shape)) {
            return "shape " + Arrays.toString(s.effectiveShape()) + ", but the classifier takes "
                    + Arrays.toString(shape) + " (the first input sample's)";
        }
        return null;
    }

    /** The clean input's samples; the first bad one fails the job. */
    private static JavaRDD<Sample> checked(JavaRDD<Sample> in, int[] shape, int classes) {
        List<Sample> bad = in.filter(s -> problem(s, shape, classes) != null).takeOrdered(1, new IdOrder());
        if (!bad.isEmpty()) {
            throw SampleLimits.failure(bad.get(0).getId(), problem(bad.get(0), shape, classes) + " (in --input)");
        }
        return in;
    }

    /** Orders samples by id (serializable, for {@code takeOrdered}). */
    private static final class IdOrder implements Comparator<Sample>, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Sample a, Sample b) {
            return Long.compare(a.getId(), b.getId());
        }
    }

    ClassifierRecipe recipe() {
        return recipe;
    }

    @Override
    public String name() {
        return "classifier-" + recipe.model();
    }

    @Override
    public JavaRDD<Sample> samples() {
        return samples;
    }

    @Override
    public List<TrainedNetwork> networks() {
        return List.of(network);
    }

    @Override
    public long groupSpan() {
        return groupSize;
    }

    @Override
    public double beforeStep(long step) {
        this.step = step;
        return Double.NaN;
    }

    /** λ × {@link WeightTopology}'s gradient; its unweighted value. */
    @Override
    public double addPenalty(double[] parameters, double[] gradient) {
        return weightTopology == null ? 0 : weightTopology.addTo(parameters, topoWeightLambda, gradient);
    }

    @Override
    public BatchGradient gradient() {
        return new ClassifierLoss(recipe, standardizer, onTheFly, step);
    }

    /**
     * The step's batch: without adversarial files, {@link MiniBatches#ids}; with them, round(f·B)
     * adversarial ids and B − round(f·B) clean ones (B = the batch size, or the clean count), each
     * part drawn from its own range.
     */
    @Override
    public long[] ids(long count, Integer batchSize, long seed, long step) {
        if (adversarialCount == 0) {
            return MiniBatches.ids(count, batchSize, seed, step);
        }
        long b = batchSize != null ? batchSize : cleanCount;
        int fromFiles = (int) Math.min(adversarialCount, Math.round(fileFraction * b));
        int fromClean = (int) Math.min(cleanCount, b - fromFiles);
        long[] cleanIds = range(MiniBatches.ids(cleanCount, fromClean, seed, step), 0, cleanCount);
        long[] fileIds = range(MiniBatches.ids(adversarialCount, fromFiles, ~seed, step), cleanCount,
                adversarialCount);
        long[] out = Arrays.copyOf(cleanIds, cleanIds.length + fileIds.length);
        System.arraycopy(fileIds, 0, out, cleanIds.length, fileIds.length);
        return out; // sorted: the clean ids are below the adversarial ones
    }

    private static long[] range(long[] chosen, long offset, long count) {
        long[] out = chosen != null ? chosen.clone() : new long[(int) count];
        for (int i = 0; i < out.length; i++) {
            out[i] = chosen != null ? chosen[i] + offset : offset + i;
        }
        return out;
    }

    /** The trained classifier, as a classifier file the attack job and {@code topo attack} read. */
    SavedClassifier classifier() {
        NetworkClassifier trained = recipe.network();
        trained.setParameters(network.floats());
        return recipe.assemble(trained, standardizer);
    }

    @Override
    public void write(AtomicOutput out) throws IOException {
        out.writeBytes(recipe.model() + SavedClassifier.EXTENSION, classifier().toBytes());
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("model", recipe.model());
        d.put("classes", recipe.classes());
        d.put("clean_samples", cleanCount);
        d.put("adversarial_input_samples", adversarialCount);
        d.put("adversarial_input_fraction", adversarialCount == 0 ? 0 : fileFraction);
        d.put("topo_weight_lambda", topoWeightLambda);
        d.put("rejected", rejected.count());
        d.put("first_rejections", rejected.first());
        if (onTheFly != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("attack", onTheFly.attack().name());
            a.put("eps", onTheFly.attack().epsilon());
            a.put("steps", onTheFly.attack().steps());
            a.put("step_size", onTheFly.attack().stepSize());
            a.put("fraction", onTheFly.fraction());
            d.put("on_the_fly", a);
        }
        return d;
    }
}
