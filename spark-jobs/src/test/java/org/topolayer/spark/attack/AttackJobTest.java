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
