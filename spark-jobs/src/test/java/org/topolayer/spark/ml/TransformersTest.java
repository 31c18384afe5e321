package org.topolayer.spark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.data.ImageDataset;
import org.topolayer.data.SyntheticImages;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.grid.LevelSetPersistence;
import org.topolayer.spark.LocalSpark;

@Tag("slow") // ML pipelines on local Spark (verify only)
class TransformersTest {
    @TempDir
    Path tmp;

    /** Disks (label 0) and rings (label 1) of the synthetic set: one hole tells them apart. */
    private static Dataset<Row> disksAndRings(SparkSession spark, int n) {
        ImageDataset images = SyntheticImages.generate(n, 5);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (images.labels()[i] <= 1) {
                rows.add(RowFactory.create((double) images.labels()[i], Vectors.dense(images.images()[i])));
            }
        }
        StructType schema = new StructType().add("label", DataTypes.DoubleType)
                .add("pixels", new org.apache.spark.ml.linalg.VectorUDT());
        return spark.createDataFrame(rows, schema);
    }

    @Test
    void aPipelineBeforeLogisticRegressionLearnsHolesAndSurvivesSaveAndLoad() throws Exception {
        SparkSession spark = LocalSpark.session();
        Dataset<Row> data = disksAndRings(spark, 100);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new PersistenceTransformer().setInputCol("pixels").setShape(28, 28).setFiltration("superlevel"),
            new DiagramFeaturizer().setFeatures("topk:dim=1,k=2", "topk:dim=0,k=2"),
            new LogisticRegression().setMaxIter(50)});
        PipelineModel model = pipeline.fit(data);
        Dataset<Row> predicted = model.transform(data);
        long right = predicted.filter("prediction = label").count();
        assertTrue(right >= 0.9 * data.count(), right + " of " + data.count());

        String path = tmp.resolve("model").toString();
        model.write().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        PersistenceTransformer stage = (PersistenceTransformer) loaded.stages()[0];
        assertEquals("superlevel", stage.getOrDefault(stage.filtration()));
        assertEquals(predicted.select("prediction").collectAsList(),
                loaded.transform(data).select("prediction").collectAsList());
    }

    @Test
    void badSamplesFailNamingTheProblemOrAreKeptAsNullOrSkipped() {
        SparkSession spark = LocalSpark.session();
        StructType schema = new StructType().add("v", DataTypes.createArrayType(DataTypes.DoubleType));
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create((Object) new double[] {3, 1, 2, 5, 0, 4}),
                RowFactory.create((Object) new double[] {3, Double.NaN, 2, 5, 0, 4}),
                RowFactory.create((Object) new double[] {3, 1})), schema);
        PersistenceTransformer transformer = new PersistenceTransformer().setInputCol("v").setShape(2, 3);
        Exception e = assertThrows(Exception.class, () -> transformer.transform(df).collectAsList());
        String message = rootMessage(e);
        assertTrue(message.contains("bad sample: value 1 is NaN") || message.contains("needs 6 values, got 2"), message);
        List<Row> kept = transformer.setHandleInvalid("keep").transform(df).collectAsList();
        assertEquals(3, kept.size());
        assertTrue(!kept.get(0).isNullAt(1) && kept.get(1).isNullAt(1) && kept.get(2).isNullAt(1), kept.toString());
        assertEquals(1, transformer.setHandleInvalid("skip").transform(df).count());
    }

    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("bad sample")) {
                message = t.getMessage();
            }
        }
        return message;
    }

    @Test
    void diagramsAreTheEngines() {
        SparkSession spark = LocalSpark.session();
        double[] image = {3, 1, 2, 5, 0, 4};
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create((Object) image)), new StructType()
                .add("v", DataTypes.createArrayType(DataTypes.DoubleType)));
        List<Row> bars = new PersistenceTransformer().setInputCol("v").setShape(2, 3).transform(df)
                .collectAsList().get(0).getList(1);
        var expected = LevelSetPersistence.compute(image, new int[] {2, 3}, 1, LevelSet.SUBLEVEL);
        assertEquals(expected.get(0).size() + expected.get(1).size(), bars.size());
        assertEquals(expected.get(0).birth(0), bars.get(0).getDouble(1));
    }

    @Test
    void ripsOverZ3IsTheEngines() {
        SparkSession spark = LocalSpark.session();
        java.util.Random random = new java.util.Random(3);
        double[] flat = new double[24];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = random.nextInt(3);
        }
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create((Object) flat)), new StructType()
                .add("v", DataTypes.createArrayType(DataTypes.DoubleType)));
        PersistenceTransformer rips = new PersistenceTransformer().setInputCol("v").setFiltration("rips").setShape(8, 3)
                .setMaxDim(2).setCoeff(3);
        PersistenceTransformer fresh = new PersistenceTransformer();
        assertEquals(2, (int) fresh.getOrDefault(fresh.coeff()), "default Z/2");
        List<Row> bars = rips.transform(df).collectAsList().get(0).getList(1);
        double[][] points = new double[8][];
        for (int i = 0; i < 8; i++) {
            points[i] = java.util.Arrays.copyOfRange(flat, 3 * i, 3 * i + 3);
        }
        var expected = org.topolayer.persistence.rips.RipsPersistence.ofPoints(points, 2, Double.POSITIVE_INFINITY, 3);
        assertEquals(expected.get(0).size() + expected.get(1).size() + expected.get(2).size(), bars.size());
        IllegalArgumentException notPrime = assertThrows(IllegalArgumentException.class, () -> rips.setCoeff(9));
        assertTrue(notPrime.getMessage().contains("a prime below 32768") && notPrime.getMessage().endsWith("got 9"), notPrime.getMessage());
        IllegalArgumentException levelSet = assertThrows(IllegalArgumentException.class,
                () -> new PersistenceTransformer().setInputCol("v").setShape(4, 6).setCoeff(3).transform(df));
        assertTrue(levelSet.getMessage().contains("computed over Z/2"), levelSet.getMessage());
    }

    @Test
    void schemaChecksNameTheColumnAndTheFix() {
        StructType schema = new StructType().add("v", DataTypes.StringType);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new PersistenceTransformer().setInputCol("pixels").transformSchema(schema));
        assertTrue(missing.getMessage().contains("no input column 'pixels'"), missing.getMessage());
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> new PersistenceTransformer().setInputCol("v").transformSchema(schema));
        assertTrue(wrongType.getMessage().contains("array<double> or ML Vector"), wrongType.getMessage());
        IllegalArgumentException notDiagrams = assertThrows(IllegalArgumentException.class,
                () -> new DiagramFeaturizer().setInputCol("v").transformSchema(schema));
        assertTrue(notDiagrams.getMessage().contains("array<struct<dim:int"), notDiagrams.getMessage());
        StructType diagrams = new StructType().add("diagrams", PersistenceTransformer.DIAGRAMS);
        IllegalArgumentException badFeature = assertThrows(IllegalArgumentException.class,
                () -> new DiagramFeaturizer().setFeatures("topk:k=0").transformSchema(diagrams));
        assertTrue(badFeature.getMessage().contains("k must be"), badFeature.getMessage());
    }
}
