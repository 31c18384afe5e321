package org.topolayer.spark.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.cubical.CubicalPersistence;
import org.topolayer.spark.LocalSpark;
import org.topolayer.spark.ml.PersistenceTransformer;

/** The persistence job and the transformer take {@code cubical} and {@code cubical-superlevel}. */
@Tag("slow") // local Spark (verify only)
class CubicalJobTest {
    @TempDir
    Path tmp;

    @Test
    void theJobWritesTheEnginesCubicalDiagrams() throws Exception {
        String out = tmp.resolve("out").toString();
        LocalSpark.run(new PersistenceJob(), "--input", "synthetic", "--synthetic-count", "12", "--filtration",
                "cubical,cubical-superlevel", "--output", out, "--feature", "topk:dim=0,k=2;topk:dim=1,k=2");
        Dataset<Row> table = LocalSpark.session().read().parquet(out);
        assertEquals("struct<id:bigint,label:int,diagrams_cubical:array<struct<dim:int,birth:double,death:double>>,"
                + "diagrams_cubical-superlevel:array<struct<dim:int,birth:double,death:double>>,features:array<double>>",
                table.schema().simpleString());
        List<Row> rows = table.orderBy("id").collectAsList();
        ImageDataset expected = SyntheticImages.generate(12, 1);
        for (int i : new int[] {0, 11}) {
            int[] shape = {28, 28};
            assertBars(CubicalPersistence.compute(expected.images()[i], shape, 1, LevelSet.SUBLEVEL),
                    rows.get(i).getList(2));
            assertBars(CubicalPersistence.compute(expected.images()[i], shape, 1, LevelSet.SUPERLEVEL),
                    rows.get(i).getList(3));
        }
    }

    @Test
    void theTransformerJoinsPixelsThatShareACorner() {
        SparkSession spark = LocalSpark.session();
        double[] antiDiagonal = {1, 0, 0, 1};
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create((Object) antiDiagonal)), new StructType()
                .add("v", DataTypes.createArrayType(DataTypes.DoubleType)));
        List<Row> bars = new PersistenceTransformer().setInputCol("v").setShape(2, 2).setFiltration("cubical")
                .transform(df).collectAsList().get(0).getList(1);
        assertEquals(1, bars.size()); // one component, no (0, 1) bar as on the Freudenthal triangulation
        assertEquals(Double.POSITIVE_INFINITY, bars.get(0).getDouble(2));
    }

    private static void assertBars(PersistenceDiagrams expected, List<Row> actual) {
        List<double[]> want = new ArrayList<>();
        for (Diagram d : expected) {
            for (int i = 0; i < d.size(); i++) {
                want.add(new double[] {d.dimension(), d.birth(i), d.death(i)});
            }
        }
        assertEquals(want.size(), actual.size());
        for (int i = 0; i < want.size(); i++) {
            Row r = actual.get(i);
            assertArrayEquals(want.get(i), new double[] {r.getInt(0), r.getDouble(1), r.getDouble(2)});
        }
    }
}
