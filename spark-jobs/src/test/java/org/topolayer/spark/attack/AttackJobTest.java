package org.topolayer.spark.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.apps.attack.SavedClassifier;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.cli.TopoCli;
import org.topolayer.data.ImageDataset;
import org.topolayer.data.SyntheticImages;
import org.topolayer.spark.FullDiskFileSystem;
import org.topolayer.spark.LocalSpark;
import org.topolayer.spark.output.JobSummary;

@Tag("slow") // the attack job end to end on local Spark (verify only)
class AttackJobTest {
    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static Map<String, Double> accuracy(JobSummary summary) {
        return (Map<String, Double>) (Map<?, ?>) summary.get("accuracy_by_eps");
    }

    @Test
    void pgdOnATopModelStaysInTheBallAndLowersAccuracy() throws Exception {
        String out = tmp.resolve("attack").toString();
        JobSummary summary = LocalSpark.run(new AttackJob(), "--input", "synthetic", "--synthetic-count", "540",
                "--train-samples", "500", "--eval-samples", "40", "--model", "topmodel-mlp", "--epochs", "30",
                "--directions", "4", "--method", "pgd", "--steps", "3", "--eps", "0,0.05", "--output", out);
        assertEquals(40L, summary.get("samples"));
        Map<String, Double> accuracy = accuracy(summary);
        assertEquals((Double) summary.get("clean_accuracy"), accuracy.get("0.0"), 1e-12);
        assertTrue(accuracy.get("0.05") < accuracy.get("0.0"), accuracy.toString());
        assertTrue((Double) summary.get("clean_accuracy") > 0.6, summary.toJson());
        for (Row r : LocalSpark.session().read().parquet(out).collectAsList()) {
            double eps = r.getDouble(r.fieldIndex("eps"));
            assertTrue(r.getDouble(r.fieldIndex("linf")) <= eps + 1e-12);
            assertEquals(784, r.getList(r.fieldIndex("values")).size());
        }
    }

    @Test
    void l2FgsmOnAPixelMlpMovesEachSampleByAtMostEpsilon() throws Exception {
        String out = tmp.resolve("pixel").toString();
        JobSummary summary = LocalSpark.run(new AttackJob(), "--input", "synthetic", "--synthetic-count", "640",
                "--train-samples", "600", "--eval-samples", "40", "--model", "pixel-mlp", "--epochs", "5",
                "--norm", "l2", "--eps", "2", "--output", out);
        assertTrue((Double) summary.get("clean_accuracy") > 0.6, summary.toJson());
        assertTrue(accuracy(summary).get("2.0") < (Double) summary.get("clean_accuracy"), summary.toJson());
        for (Row r : LocalSpark.session().read().parquet(out).collectAsList()) {
            assertTrue(r.getDouble(r.fieldIndex("l2")) <= 2 + 1e-9);
        }
    }

    @Test
    void badTrainingAndEvaluationSamplesFailTheJobOrAreRejected() throws Exception {
        org.apache.spark.sql.SparkSession spark = LocalSpark.session();
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
                .add("id", org.apache.spark.sql.types.DataTypes.LongType)
                .add("label", org.apache.spark.sql.types.DataTypes.IntegerType)
                .add("pixels", org.apache.spark.sql.types.DataTypes.createArrayType(
                        org.apache.spark.sql.types.DataTypes.DoubleType));
        java.util.Random random = new java.util.Random(8);
        java.util.List<Row> rows = new java.util.ArrayList<>();
        for (long id = 0; id < 30; id++) {
            double[] pixels = new double[36];
            int label = (int) (id % 2);
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = label == 0 ? random.nextDouble() : (p % 7 == 0 ? 1 : 0.1 * random.nextDouble());
            }
            if (id == 3) {
                pixels[5] = Double.NaN;
            }
            rows.add(org.apache.spark.sql.RowFactory.create(id, id == 22 ? 7 : label, id == 25 ? null : pixels));
        }
        String in = tmp.resolve("in.parquet").toString();
        spark.createDataFrame(rows, schema).write().parquet(in);
        String[] args = {"--input", in, "--column", "pixels", "--id-column", "id", "--label-column", "label", "--shape",
            "6x6", "--classes", "2", "--train-samples", "20", "--eval-samples", "10", "--model", "pixel-mlp", "--epochs", "2",
            "--eps", "0.1"};

        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> LocalSpark.run(new AttackJob(),
                LocalSpark.with(args, "--output", tmp.resolve("failed").toString())));
        assertTrue(LocalSpark.badInput(e).getMessage().startsWith(
                "sample 3: value 5 is NaN (values must be finite); fix that sample"), e.toString());
        assertTrue(!java.nio.file.Files.exists(tmp.resolve("failed")));

        String out = tmp.resolve("out").toString();
        JobSummary summary = LocalSpark.run(new AttackJob(), LocalSpark.with(args, "--output", out, "--on-bad-sample", "reject"));
        assertEquals(3L, summary.get("rejected"));
        assertEquals(8L, summary.get("samples"));
        assertEquals(java.util.List.of("sample 3: value 5 is NaN (values must be finite)",
                "sample 22: label 7 is outside 0..1 (--classes 2)",
                "sample 25: no values (the values column is null or empty)"), summary.get("first_rejections"));
        assertEquals(8, spark.read().parquet(out).count());
        assertTrue(!java.util.List.of(spark.read().parquet(out).columns()).contains("error"));

        // a saved classifier of 28x28 images, attacked on the 6x6 samples 26-29
        Path wide = tmp.resolve("28x28.classifier");
        SavedClassifier.pixel("pixel-mlp", new int[] {28, 28}, NetworkClassifier.logistic(784, 2, 1)).save(wide);
        String[] loaded = {"--input", in, "--column", "pixels", "--id-column", "id", "--label-column", "label", "--shape",
            "6x6", "--classes", "2", "--train-samples", "26", "--eval-samples", "4", "--classifier", wide.toString(),
            "--output", tmp.resolve("shape").toString()};
        Exception shape = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> LocalSpark.run(new AttackJob(), loaded));
        assertTrue(LocalSpark.badInput(shape).getMessage().matches(java.util.regex.Pattern.quote(wide
                + ": a pixel-mlp of 28x28 inputs, but sample ") + "2[6-9]" + java.util.regex.Pattern.quote(
                " is 6x6; use it on inputs of the shape it was trained on")), shape.toString());
    }

    @Test
    void aClassifierSavedByTopoAttackClassifiesEachSampleAsTheFileDoes() throws Exception {
        Path models = tmp.resolve("models"), engineRun = tmp.resolve("topo-attack");
        java.io.StringWriter log = new java.io.StringWriter();
        // topo attack on the synthetic images (seed 1: its test images are SyntheticImages.generate(n, 2))
        int status = TopoCli.run(new java.io.PrintWriter(log), new java.io.PrintWriter(log), "attack", "--quick",
                "--seed", "1", "--data", "synthetic", "--train-samples", "150", "--test-samples", "20", "--eval-samples",
                "20", "--models", "topmodel-logistic", "--attacks", "fgsm-linf-untargeted", "--set",
                "headline.attack=fgsm-linf-untargeted", "--set", "directions=2", "--set", "examples=0",
                "--save-models", models.toString(), "--output", engineRun.toString());
        assertEquals(0, status, log.toString());
        Path file = models.resolve("topmodel-logistic.classifier");

        // the job attacks the same 20 images: the synthetic source of seed 2, from id 0
        String out = tmp.resolve("attack").toString();
        JobSummary summary = LocalSpark.run(new AttackJob(), "--input", "synthetic", "--seed", "2", "--synthetic-count",
                "20", "--classifier", file.toString(), "--train-samples", "0", "--eval-samples", "20", "--eps", "0,0.05",
                "--output", out);
        assertEquals("topmodel-logistic", summary.get("model"));
        Map<?, ?> classifier = (Map<?, ?>) summary.get("classifier");
        assertEquals("file", classifier.get("source"));
        assertEquals(file.toString(), classifier.get("file"));
        String metrics = Files.readString(engineRun.resolve("metrics.json"));
        assertTrue(metrics.contains("\"sha256\": \"" + classifier.get("sha256") + "\""), "the saved file's checksum");
        assertTrue(summary.get("train_seconds") == null && summary.get("trained_on") == null, summary.toJson());

        ImageDataset images = SyntheticImages.generate(20, 2);
        int[] expected = SavedClassifier.fromBytes(Files.readAllBytes(file), "f").classifier().predict(images.images());
        int[] actual = new int[20];
        for (Row r : LocalSpark.session().read().parquet(out).filter("eps = 0").collectAsList()) {
            actual[(int) r.getLong(r.fieldIndex("id"))] = r.getInt(r.fieldIndex("cleanPrediction"));
        }
        assertArrayEquals(expected, actual);
        // and the clean accuracy is the one topo attack measured on these images when it trained the model
        java.util.regex.Matcher clean = java.util.regex.Pattern.compile(
                "\"clean_accuracy_attacked_images\": \\{\"topmodel-logistic\": ([0-9.]+)\\}").matcher(metrics);
        assertTrue(clean.find(), metrics);
        assertEquals(Double.parseDouble(clean.group(1)), (Double) summary.get("clean_accuracy"), 1e-12);
    }

    @Test
    void aSavedClassifierIsAttackedAsTheRunThatTrainedIt() throws Exception {
        String[] args = {"--input", "synthetic", "--synthetic-count", "640", "--train-samples", "600", "--eval-samples",
            "40", "--eps", "0.02,0.1"};
        // on another Hadoop file system than the default one, as hdfs:// or s3a:// would be
        FullDiskFileSystem.register(LocalSpark.session().sparkContext().hadoopConfiguration());
        String file = FullDiskFileSystem.uri(tmp.resolve("kept/pixel-mlp.classifier"));
        String trained = tmp.resolve("trained").toString(), loaded = tmp.resolve("loaded").toString();
        JobSummary first = LocalSpark.run(new AttackJob(), LocalSpark.with(args, "--model", "pixel-mlp", "--epochs", "2",
                "--save-classifier", file, "--output", trained));
        Map<?, ?> made = (Map<?, ?>) first.get("classifier");
        assertEquals("trained", made.get("source"));
        assertEquals(file, made.get("saved_to"));
        assertTrue(Files.size(tmp.resolve("kept/pixel-mlp.classifier")) > 0);
        assertEquals(Map.of("epochs", 2, "batch", 64, "learning_rate", 0.001, "hidden", java.util.List.of(128),
                "seed", 1L), made.get("training"));
        assertEquals(600, first.get("trained_on"));

        // other model options: a saved classifier does not use them
        JobSummary second = LocalSpark.run(new AttackJob(), LocalSpark.with(args, "--classifier", file,
                "--model", "topmodel-mlp", "--epochs", "9", "--output", loaded));
        assertEquals("pixel-mlp", second.get("model"));
        assertEquals(made.get("sha256"), ((Map<?, ?>) second.get("classifier")).get("sha256"));
        // the same samples in the same partitions: every row the same to the bit
        org.apache.spark.sql.SparkSession spark = LocalSpark.session();
        assertEquals(80, LocalSpark.exactRows(spark.read().parquet(trained), "id", "eps").size());
        assertEquals(LocalSpark.exactRows(spark.read().parquet(trained), "id", "eps"),
                LocalSpark.exactRows(spark.read().parquet(loaded), "id", "eps"));
        assertEquals(first.get("accuracy_by_eps"), second.get("accuracy_by_eps"));

        // the file is not replaced without --overwrite, nor saved inside the output the job replaces whole
        String[] again = LocalSpark.with(args, "--model", "pixel-mlp", "--epochs", "2", "--save-classifier", file,
                "--output", tmp.resolve("again").toString());
        assertEquals("classifier file " + file + " exists; remove it, choose another --save-classifier or add"
                + " --overwrite", LocalSpark.badInput(org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                        () -> LocalSpark.run(new AttackJob(), again))).getMessage());
        String inside = tmp.resolve("inside/m.classifier").toString();
        assertTrue(LocalSpark.badInput(org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> LocalSpark.run(new AttackJob(), LocalSpark.with(args, "--save-classifier", inside, "--output",
                        tmp.resolve("inside").toString())))).getMessage().startsWith("--save-classifier " + inside
                                + " is inside --output"));
        // ids past the input's end: nothing to attack is an error, not an empty success
        assertEquals("no sample has an id in [640, 680), the ids attacked: the input has fewer samples; lower"
                + " --train-samples (with --classifier, 0 attacks from the first sample)",
                LocalSpark.badInput(org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> LocalSpark.run(
                        new AttackJob(), "--input", "synthetic", "--synthetic-count", "640", "--train-samples", "640",
                        "--eval-samples", "40", "--classifier", file, "--output", tmp.resolve("past").toString())))
                        .getMessage());
        assertFalse(Files.exists(tmp.resolve("past")), "no output");

        Exception classes = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> LocalSpark.run(
                new AttackJob(), LocalSpark.with(args, "--classifier", file, "--classes", "2", "--output",
                        tmp.resolve("x").toString())));
        assertEquals(file + ": a pixel-mlp of 10 classes, but the job (--classes) has 2; use it on data of the classes"
                + " it was trained on", LocalSpark.badInput(classes).getMessage());
    }
}
