package org.topolayer.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.apps.attack.Attack;
import org.topolayer.apps.attack.ClassifierRecipe;
import org.topolayer.apps.attack.SavedClassifier;
import org.topolayer.apps.attack.TopFeatureMap;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.nn.AdamOptimizer;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.spark.LocalSpark;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.io.SyntheticSource;
import org.topolayer.spark.output.JobSummary;

/**
 * The train job's classifier workload: the same parameters as a single-machine loop, bit-identical
 * on any number of partitions, adversarial examples made on the executors equal to the
 * single-machine attack's, adversarial Parquet input checked sample by sample.
 */
@Tag("slow") // classifier training on local Spark at several partitionings (verify only)
class ClassifierWorkloadTest {
    private static final int COUNT = 36;
    private static final TopFeatureMap.Spec SMALL = new TopFeatureMap.Spec(2, 1.5, 2, true, true);

    @TempDir
    Path tmp;

    private JobSummary train(String name, int steps, String... more) throws Exception {
        return train(name, name + ".ck", steps, more);
    }

    private JobSummary train(String name, String checkpoints, int steps, String... more) throws Exception {
        String[] args = {"--workload", "classifier", "--input", "synthetic", "--synthetic-count",
            Integer.toString(COUNT), "--steps", Integer.toString(steps), "--checkpoint-every", "2",
            "--checkpoint-dir", tmp.resolve(checkpoints).toString(), "--output", tmp.resolve(name).toString()};
        return LocalSpark.run(new TrainJob(), Stream.concat(Arrays.stream(args), Arrays.stream(more))
                .toArray(String[]::new));
    }

    private double[] parameters(String output) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(tmp.resolve(output)
                .resolve("parameters.bin")))) {
            return Checkpoints.read(in);
        }
    }

    /** The synthetic input as the job indexes it. */
    private static List<Sample> input() {
        return new SyntheticSource(COUNT, 1).load(LocalSpark.session()).javaRDD().collect();
    }

    @Test
    void parametersAfterNStepsAreThoseOfASingleMachineLoop() throws Exception {
        JobSummary s = train("mlp", 3, "--model", "pixel-mlp", "--classifier-hidden", "12", "--learning-rate",
                "0.01", "--partitions", "3");
        List<Sample> samples = input();
        double[][] x = samples.stream().map(Sample::getValues).toArray(double[][]::new);
        int[] y = samples.stream().mapToInt(Sample::getLabel).toArray();
        ClassifierRecipe recipe = new ClassifierRecipe("pixel-mlp", new int[] {28, 28}, 10, new int[] {12}, 1,
                TopFeatureMap.Spec.defaults());
        NetworkClassifier net = recipe.network();
        float[] start = net.parameters();
        double[] p = new double[start.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = start[i];
        }
        AdamOptimizer adam = new AdamOptimizer(0.01, 0.9, 0.999);
        for (int step = 0; step < 3; step++) {
            double[] g = net.parameterGradient(x, y).gradient();
            for (int i = 0; i < g.length; i++) {
                g[i] /= x.length;
            }
            adam.step(p, g);
            float[] f = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                f[i] = (float) p[i];
            }
            net.setParameters(f);
        }
        double[] distributed = parameters("mlp");
        double moved = 0;
        for (int i = 0; i < p.length; i++) {
            moved = Math.max(moved, Math.abs(p[i] - start[i]));
        }
        assertTrue(moved > 0.01, "three steps of 0.01 moved the parameters by " + moved);
        assertArrayEquals(p, distributed, 1e-6, "to float rounding");
        assertEquals((long) COUNT, s.get("samples"));
        // the saved classifier is the trained network, in topo attack's classifier file format
        SavedClassifier saved = SavedClassifier.fromBytes(Files.readAllBytes(tmp.resolve("mlp")
                .resolve("pixel-mlp.classifier")), "test");
        float[] trained = ((NetworkClassifier) saved.classifier()).parameters();
        for (int i = 0; i < trained.length; i++) {
            assertEquals((float) distributed[i], trained[i], 0);
        }
    }

    @Test
    void trainingStartsFromAClassifierFileOfTheSameKindAndRefusesAnother() throws Exception {
        String[] options = {"--model", "topmodel-mlp", "--classifier-hidden", "8", "--directions", "2", "--topk",
            "2"};
        train("first", 2, options);
        String file = tmp.resolve("first").resolve("topmodel-mlp.classifier").toString();
        train("continued", 1, LocalSpark.with(options, "--init-classifier", file, "--learning-rate", "1e-9"));
        assertArrayEquals(parameters("first"), parameters("continued"), 1e-6, "a step of 1e-9 from the file");
        SavedClassifier a = SavedClassifier.fromBytes(Files.readAllBytes(Path.of(file)), "a");
        SavedClassifier b = SavedClassifier.fromBytes(Files.readAllBytes(tmp.resolve("continued")
                .resolve("topmodel-mlp.classifier")), "b");
        assertArrayEquals(((org.topolayer.apps.attack.TopModel) a.classifier()).standardizer().mean(),
                ((org.topolayer.apps.attack.TopModel) b.classifier()).standardizer().mean(), 0);
        BadJobInputException e = assertThrows(BadJobInputException.class, () -> train("other", 1, "--model",
                "pixel-mlp", "--init-classifier", file));
        assertTrue(e.getMessage().contains("--init-classifier") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void theParametersAreBitIdenticalOnOneThreeAndSevenPartitions() throws Exception {
        // groups of 5 ids: the 36 samples spread over the partitions
        String[] options = {"--model", "topmodel-mlp", "--classifier-hidden", "8", "--directions", "2", "--topk",
            "2", "--batch-size", "20", "--group-size", "5"};
        train("p1", 3, LocalSpark.with(options, "--partitions", "1"));
        train("p3", 3, LocalSpark.with(options, "--partitions", "3"));
        train("p7", 3, LocalSpark.with(options, "--partitions", "7"));
        assertArrayEquals(parameters("p1"), parameters("p3"), 0);
        assertArrayEquals(parameters("p1"), parameters("p7"), 0);
    }

    @Test
    void onTheFlyAdversarialTrainingIsBitIdenticalOnAnyPartitionsAndResumesExactly() throws Exception {
        String[] options = {"--model", "pixel-mlp", "--classifier-hidden", "8", "--adversarial-attack", "pgd",
            "--adversarial-eps", "0.1", "--adversarial-steps", "3", "--adversarial-fraction", "0.5",
            "--batch-size", "24", "--group-size", "7"};
        JobSummary straight = train("a1", 4, LocalSpark.with(options, "--partitions", "1"));
        train("a5", 4, LocalSpark.with(options, "--partitions", "5"));
        assertArrayEquals(parameters("a1"), parameters("a5"), 0);
        @SuppressWarnings("unchecked")
        List<Long> attacked = (List<Long>) straight.get("adversarial_per_step");
        assertTrue(attacked.stream().allMatch(n -> n > 3 && n < 21), attacked.toString());
        train("half", "r.ck", 2, options);
        JobSummary resumed = train("resumed", "r.ck", 4, options);
        assertEquals(2L, resumed.get("resumed_at_step"));
        assertArrayEquals(parameters("a1"), parameters("resumed"), 0);
    }

    @Test
    void randomStartAdversarialTrainingIsBitIdenticalOnOneThreeAndSevenPartitions() throws Exception {
        String[] options = {"--model", "pixel-mlp", "--classifier-hidden", "8", "--adversarial-attack", "pgd",
            "--adversarial-eps", "0.1", "--adversarial-steps", "2", "--adversarial-fraction", "0.5",
            "--batch-size", "24", "--group-size", "5"};
        train("r1", 2, LocalSpark.with(options, "--partitions", "1", "--adversarial-random-start", "true"));
        train("r3", 2, LocalSpark.with(options, "--partitions", "3", "--adversarial-random-start", "true"));
        train("r7", 2, LocalSpark.with(options, "--partitions", "7", "--adversarial-random-start", "true"));
        assertArrayEquals(parameters("r1"), parameters("r3"), 0);
        assertArrayEquals(parameters("r1"), parameters("r7"), 0);
        train("clean-start", 2, LocalSpark.with(options, "--partitions", "1", "--adversarial-random-start", "false"));
        assertTrue(!Arrays.equals(parameters("r1"), parameters("clean-start")), "the random start changed the training");
    }

    @Test
    void adversarialExamplesMadeOnExecutorsAreTheSingleMachineAttacks() {
        for (String model : List.of("pixel-mlp", "topmodel-logistic")) {
            ClassifierRecipe recipe = new ClassifierRecipe(model, new int[] {28, 28}, 10, new int[] {8}, 3, SMALL);
            NetworkClassifier net = recipe.network();
            List<Sample> samples = input();
            List<Sample> featured = new ArrayList<>();
            TopFeatureMap map = recipe.topModel() ? recipe.featureMap() : null;
            for (Sample s : samples) {
                featured.add(new ClassifierSample(s, map == null ? null : map.features(s.getValues())));
            }
            double[][] features = featured.stream().map(s -> ((ClassifierSample) s).getFeatures())
                    .toArray(double[][]::new);
            org.topolayer.nn.Standardizer standardizer = map == null ? null
                    : org.topolayer.nn.Standardizer.fit(features);
            for (int variant = 0; variant < 4; variant++) {
                boolean targeted = variant % 2 == 1, randomStart = variant >= 2;
                Attack attack = randomStart ? Attack.pgd(Attack.Norm.LINF, 0.1, 3, 2.5, targeted)
                        : Attack.pgd(Attack.Norm.L2, 1.0, 3, 2.5, targeted);
                ClassifierLoss loss = new ClassifierLoss(recipe, standardizer, new ClassifierLoss.OnTheFly(
                        attack, 0.6, 11, randomStart), 5);
                // single machine: the attack application's run over the chosen samples, with their targets
                // and (random start) their seeds
                List<Integer> chosen = new ArrayList<>();
                List<Integer> targets = new ArrayList<>();
                List<Long> seeds = new ArrayList<>();
                for (int k = 0; k < samples.size(); k++) {
                    ClassifierLoss.Choice c = loss.onTheFlyChoice(samples.get(k).getId(), samples.get(k).getLabel());
                    if (c != null) {
                        chosen.add(k);
                        targets.add(c.target());
                        seeds.add(c.startSeed());
                    }
                }
                assertTrue(chosen.size() > 5 && chosen.size() < samples.size() - 5, chosen.toString());
                assertEquals(chosen.size(), seeds.stream().distinct().count(), "a start seed per sample");
                double[][] images = chosen.stream().map(k -> samples.get(k).getValues()).toArray(double[][]::new);
                int[] labels = chosen.stream().mapToInt(k -> samples.get(k).getLabel()).toArray();
                Attack.Result expected = attack.run(loss.attacked(net), images, labels,
                        targets.stream().mapToInt(Integer::intValue).toArray(),
                        randomStart ? seeds.stream().mapToLong(Long::longValue).toArray() : null);
                if (randomStart) {
                    Attack.Result fromClean = attack.run(loss.attacked(net), images, labels,
                            targets.stream().mapToInt(Integer::intValue).toArray());
                    assertTrue(!Arrays.equals(fromClean.adversarial()[0], expected.adversarial()[0]),
                            "the random start moved the example");
                }
                // executors: the network rebuilt from broadcast parameters, one batch per partition
                JavaSparkContext jsc = JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext());
                Broadcast<float[]> parameters = jsc.broadcast(net.parameters());
                ClassifierShape shape = new ClassifierShape(recipe);
                JavaRDD<Sample> rdd = jsc.parallelize(featured, 1);
                List<double[]> made = rdd.mapPartitions(it -> {
                    List<Sample> batch = new ArrayList<>();
                    it.forEachRemaining(batch::add);
                    double[][] adv = loss.adversarial(batch, shape.build(parameters.value()));
                    return Arrays.stream(adv).filter(a -> a != null).iterator();
                }).collect();
                assertEquals(chosen.size(), made.size());
                for (int j = 0; j < made.size(); j++) {
                    assertArrayEquals(expected.adversarial()[j], made.get(j), 0, model + " variant " + variant
                            + " sample " + chosen.get(j));
                }
            }
        }
    }

    private String adversarialParquet(String name, List<Row> rows) {
        StructType schema = new StructType().add("id", DataTypes.LongType).add("label", DataTypes.IntegerType)
                .add("values", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("shape", DataTypes.createArrayType(DataTypes.IntegerType));
        String path = tmp.resolve(name).toString();
        SparkSession spark = LocalSpark.session();
        Dataset<Row> table = spark.createDataFrame(rows, schema);
        table.write().parquet(path);
        return path;
    }

    private static Row row(long id, Integer label, double value, int side) {
        double[] v = new double[side * side];
        Arrays.fill(v, value);
        return RowFactory.create(id, label, Arrays.stream(v).boxed().toList(), List.of(side, side));
    }

    @Test
    void adversarialInputIsMixedInAndBadSamplesAreRefusedOrRejected() throws Exception {
        String good = adversarialParquet("good", List.of(row(0, 1, 0.5, 28), row(1, 2, 0.25, 28),
                row(2, 3, 0.75, 28)));
        JobSummary s = train("mixed", 2, "--model", "pixel-mlp", "--classifier-hidden", "8", "--adversarial-input",
                good, "--adversarial-fraction", "0.25", "--batch-size", "12");
        assertEquals(3L, s.get("adversarial_input_samples"));
        assertEquals((long) COUNT + 3, s.get("samples"));

        String bad = adversarialParquet("bad", List.of(row(0, 1, 0.5, 28), row(1, null, 0.5, 28),
                row(2, 3, Double.NaN, 28), row(3, 3, 0.5, 14)));
        BadJobInputException e = assertThrows(BadJobInputException.class, () -> train("refused", 1, "--model",
                "pixel-mlp", "--adversarial-input", bad));
        assertTrue(e.getMessage().startsWith("sample 1: no label") && !e.getMessage().contains("\n"),
                e.getMessage());
        JobSummary rejected = train("rejected", 1, "--model", "pixel-mlp", "--classifier-hidden", "8",
                "--adversarial-input", bad, "--on-bad-sample", "reject");
        assertEquals(3L, rejected.get("rejected"));
        assertEquals(1L, rejected.get("adversarial_input_samples"));
        @SuppressWarnings("unchecked")
        List<String> first = (List<String>) rejected.get("first_rejections");
        assertTrue(first.get(1).startsWith("sample 2: value 0 is NaN") && first.get(2).contains("shape [14, 14]"),
                first.toString());
    }

    @Test
    void theWeightPenaltyReadsEachUnitsWeightImageAndHasTheGradientOfItsValue() {
        ClassifierRecipe recipe = new ClassifierRecipe("pixel-mlp", new int[] {6, 5}, 3, new int[] {4}, 2,
                TopFeatureMap.Spec.defaults());
        NetworkClassifier net = recipe.network();
        float[] flat = net.parameters();
        org.nd4j.linalg.api.ndarray.INDArray w = net.network().getLayer(0).getParam("W");
        assertEquals(30, w.size(0));
        for (int unit = 0; unit < 4; unit++) {
            for (int pixel = 0; pixel < 30; pixel++) {
                assertEquals(w.getFloat(pixel, unit), flat[unit * 30 + pixel], 0, "unit " + unit + " pixel " + pixel);
            }
        }
        double[] p = new double[flat.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = flat[i];
        }
        WeightTopology topology = new WeightTopology(6, 5, 4);
        double[] gradient = new double[p.length];
        double value = topology.addTo(p, 2.0, gradient);
        assertTrue(value > 0, "random weights have several superlevel components");
        for (int i = p.length - 20; i < p.length; i++) {
            assertEquals(0, gradient[i], 0, "only the first layer's weights");
        }
        double h = 1e-7;
        for (int i = 0; i < 120; i += 7) {
            double[] up = p.clone(), down = p.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = 2.0 * (topology.addTo(up, 0, new double[p.length])
                    - topology.addTo(down, 0, new double[p.length])) / (2 * h);
            assertEquals(numeric, gradient[i], 1e-6, "weight " + i);
        }
    }

    @Test
    void theWeightPenaltyFallsWhenWeighted() throws Exception {
        String[] options = {"--model", "pixel-mlp", "--classifier-hidden", "6", "--learning-rate", "0.01"};
        JobSummary plain = train("w0", 4, options);
        JobSummary weighted = train("w1", 4, LocalSpark.with(options, "--topo-weight-lambda", "0.05"));
        @SuppressWarnings("unchecked")
        List<Double> energy = (List<Double>) weighted.get("topological_losses");
        assertTrue(energy.get(3) < energy.get(0) * 0.9, energy.toString());
        @SuppressWarnings("unchecked")
        List<Double> none = (List<Double>) plain.get("topological_losses");
        assertEquals(0.0, none.get(3), 0, "not computed without a weight");
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> train("x", 1, "--model", "resnet"));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> train("x", 1,
                "--adversarial-attack", "pgd", "--adversarial-input", "somewhere"));
        assertTrue(both.getMessage().contains("not both") && both.getMessage().contains("--init-classifier")
                && !both.getMessage().contains("\n"), both.getMessage());
        assertThrows(IllegalArgumentException.class, () -> train("x", 1, "--topo-weight-lambda", "1"));
    }
}
