package org.topolayer.spark.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.apps.attack.TopFeatureMap;
import org.topolayer.apps.attack.TopModel;
import org.topolayer.data.ImageDataset;
import org.topolayer.data.SyntheticImages;
import org.topolayer.nn.DifferentiableClassifier;
import org.topolayer.nn.NetworkClassifier;
import org.topolayer.nn.Standardizer;
import org.topolayer.spark.LocalSpark;
import org.topolayer.spark.TopoKryoRegistrator;
import org.topolayer.spark.output.JobSummary;
import scala.reflect.ClassTag$;

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
    }

    @Test
    void aBroadcastTopModelClassifiesAsTheDriversOne() throws Exception {
        ImageDataset data = SyntheticImages.generate(60, 9);
        TopFeatureMap.Spec spec = new TopFeatureMap.Spec(2, 1.5, 2, true, true);
        TopFeatureMap map = new TopFeatureMap(28, 28, spec);
        Standardizer standardizer = Standardizer.fit(map.features(data.images()));
        NetworkClassifier head = NetworkClassifier.logistic(map.size(), 10, 3)
                .fit(standardizer.apply(map.features(data.images())), data.labels(),
                        new NetworkClassifier.Training(2, 16, 0.01, 3), NetworkClassifier.Progress.SILENT);
        DifferentiableClassifier onDriver = new TopModel(map, standardizer, head);
        ShippedClassifier shipped = ShippedClassifier.topModel(new FeatureMapSpec(28, 28, spec), standardizer, head);
        // through the jobs' Kryo (registration required), as a broadcast travels
        SerializerInstance kryo = new KryoSerializer(new SparkConf().set("spark.kryo.registrationRequired", "true")
                .set("spark.kryo.registrator", TopoKryoRegistrator.class.getName())).newInstance();
        ByteBuffer bytes = kryo.serialize(shipped, ClassTag$.MODULE$.apply(ShippedClassifier.class));
        ShippedClassifier received = kryo.deserialize(bytes, ClassTag$.MODULE$.apply(ShippedClassifier.class));
        DifferentiableClassifier onExecutor = received.open();
        double[][] images = java.util.Arrays.copyOf(data.images(), 8);
        double[][] expected = onDriver.probabilities(images), actual = onExecutor.probabilities(images);
        for (int i = 0; i < images.length; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-7);
        }
        int[] labels = java.util.Arrays.copyOf(data.labels(), 8);
        assertArrayEquals(onDriver.lossGradient(images, labels).gradients()[3],
                onExecutor.lossGradient(images, labels).gradients()[3], 1e-7);
    }
}
