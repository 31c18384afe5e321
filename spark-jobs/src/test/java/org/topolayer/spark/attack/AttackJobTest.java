package org.topolayer.spark.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.data.ImageDataset;
import org.topolayer.data.SyntheticImages;
import org.topolayer.spark.LocalSpark;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.output.JobSummary;

class AttackJobTest {
    @TempDir
    Path tmp;

    @Test
    void pgdStaysInTheBallAndLowersAccuracy() throws Exception {
        String out = tmp.resolve("attack").toString();
        JobSummary summary = LocalSpark.run(new AttackJob(), "--input", "synthetic", "--synthetic-count", "700",
                "--train-samples", "600", "--eval-samples", "40", "--iterations", "150", "--method", "pgd",
                "--steps", "3", "--eps", "0,0.05", "--output", out);
        assertEquals(40L, summary.get("samples"));
        @SuppressWarnings("unchecked")
        Map<String, Double> accuracy = (Map<String, Double>) (Map<?, ?>) summary.get("accuracy_by_eps");
        assertEquals((Double) summary.get("clean_accuracy"), accuracy.get("0.0"), 1e-12);
        assertTrue(accuracy.get("0.05") < accuracy.get("0.0"), accuracy.toString());
        assertTrue((Double) summary.get("clean_accuracy") > 0.5, summary.toJson());
        for (Row r : LocalSpark.session().read().parquet(out).collectAsList()) {
            double eps = r.getDouble(r.fieldIndex("eps"));
            assertTrue(r.getDouble(r.fieldIndex("linf")) <= eps + 1e-12);
            assertEquals(784, r.getList(r.fieldIndex("values")).size());
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
        List<Row> rows = new ArrayList<>();
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
            "6x6", "--classes", "2", "--train-samples", "20", "--eval-samples", "10", "--iterations", "20", "--eps",
            "0.1"};

        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> LocalSpark.run(new AttackJob(),
                LocalSpark.with(args, "--output", tmp.resolve("failed").toString())));
        assertTrue(LocalSpark.badInput(e).getMessage().startsWith(
                "sample 3: value 5 is NaN (values must be finite); fix that sample"), e.toString());
        assertTrue(!java.nio.file.Files.exists(tmp.resolve("failed")));

        String out = tmp.resolve("out").toString();
        JobSummary summary = LocalSpark.run(new AttackJob(), LocalSpark.with(args, "--output", out, "--on-bad-sample", "reject"));
        assertEquals(3L, summary.get("rejected"));
        assertEquals(8L, summary.get("samples"));
        assertEquals(List.of("sample 3: value 5 is NaN (values must be finite)",
                "sample 22: label 7 is outside 0..1 (--classes 2)",
                "sample 25: no values (the values column is null or empty)"), summary.get("first_rejections"));
        assertEquals(8, spark.read().parquet(out).count());
        assertTrue(!List.of(spark.read().parquet(out).columns()).contains("error"));
    }

    @Test
    void theLossGradientMatchesFiniteDifferences() {
        ImageDataset data = SyntheticImages.generate(200, 9);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            samples.add(new Sample(i, data.labels()[i], data.images()[i], new int[] {28, 28}));
        }
        TopKClassifier model = TopKClassifier.train(samples, new TopologicalFeatures(new String[] {"topk:dim=0,k=3",
            "topk:dim=1,k=2"}, 1), 10, 100, 0.05);
        double[] x = data.images()[3];
        int[] shape = {28, 28};
        double[] g = model.lossGradient(x, shape, data.labels()[3]);
        int checked = 0;
        for (int p = 0; p < x.length && checked < 5; p++) {
            if (g[p] == 0 || x[p] <= 0 || x[p] >= 1) {
                continue; // clamped pixels tie at 0 or 1, where only a subgradient exists
            }
            double h = 1e-7;
            double[] up = x.clone(), down = x.clone();
            up[p] += h;
            down[p] -= h;
            double numeric = (loss(model, up, shape, data.labels()[3]) - loss(model, down, shape, data.labels()[3]))
                    / (2 * h);
            assertEquals(g[p], numeric, 1e-4 * Math.max(1, Math.abs(g[p])), "pixel " + p);
            checked++;
        }
        assertEquals(5, checked);
    }

    /** The cross entropy, through the gradient's own definition: L(x) via the classifier's probabilities. */
    private static double loss(TopKClassifier model, double[] x, int[] shape, int label) {
        return model.crossEntropy(x, shape, label);
    }
}
