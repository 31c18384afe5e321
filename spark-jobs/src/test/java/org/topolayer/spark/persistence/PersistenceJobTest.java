package org.topolayer.spark.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.grid.LevelSetPersistence;
import org.topolayer.spark.LocalSpark;
import org.topolayer.spark.output.JobSummary;

@Tag("slow") // the persistence job end to end on local Spark (verify only)
class PersistenceJobTest {
    @TempDir
    Path tmp;

    @Test
    void syntheticImagesGiveTheEngineDiagramsAndASummary() throws Exception {
        String out = tmp.resolve("out").toString();
        JobSummary summary = LocalSpark.run(new PersistenceJob(), "--input", "synthetic", "--synthetic-count", "60",
                "--output", out, "--feature", "topk:dim=0,k=3;topk:dim=1,k=2");
        assertEquals(60L, summary.get("samples"));
        assertEquals(0L, summary.get("rejected"));
        assertTrue(Files.readString(Path.of(out, "_summary.json")).contains("\"samples\": 60"));

        Dataset<Row> table = LocalSpark.session().read().parquet(out);
        assertEquals("struct<id:bigint,label:int,diagrams_sublevel:array<struct<dim:int,birth:double,death:double>>,"
                + "diagrams_superlevel:array<struct<dim:int,birth:double,death:double>>,features:array<double>>",
                table.schema().simpleString());
        List<Row> rows = table.orderBy("id").collectAsList();
        ImageDataset expected = SyntheticImages.generate(60, 1);
        for (int i : new int[] {0, 7, 59}) {
            Row row = rows.get(i);
            assertEquals((long) i, row.getLong(0));
            assertEquals(expected.labels()[i], row.getInt(1));
            PersistenceDiagrams sub = LevelSetPersistence.compute(expected.images()[i], new int[] {28, 28}, 1, LevelSet.SUBLEVEL);
            PersistenceDiagrams sup = LevelSetPersistence.compute(expected.images()[i], new int[] {28, 28}, 1, LevelSet.SUPERLEVEL);
            assertEquals(bars(sub), bars(row.getList(2)));
            assertEquals(bars(sup), bars(row.getList(3)));
            assertEquals(2 * (3 + 2), row.getList(4).size());
        }
    }

    @Test
    void aBadSampleFailsTheJobNamingItOrIsRejectedOnRequest() throws Exception {
        SparkSession spark = LocalSpark.session();
        StructType schema = new StructType().add("key", DataTypes.LongType).add("v", new org.apache.spark.ml.linalg.VectorUDT())
                .add("dims", DataTypes.createArrayType(DataTypes.IntegerType));
        List<Row> rows = new ArrayList<>();
        rows.add(RowFactory.create(10L, Vectors.dense(0, 1, 0, 1, 0, 1), new int[] {2, 3}));
        rows.add(RowFactory.create(11L, Vectors.dense(3, 1, 2, 5), new int[] {2, 2}));
        rows.add(RowFactory.create(12L, Vectors.dense(1, 2, 3), new int[] {2, 2}));
        String in = tmp.resolve("in.parquet").toString();
        spark.createDataFrame(rows, schema).write().parquet(in);
        String[] args = {"--input", in, "--column", "v", "--shape-column", "dims", "--id-column", "key", "--filtration",
            "sublevel", "--feature", "topk:dim=0,k=2"};

        Path failed = tmp.resolve("failed");
        Exception e = assertThrows(Exception.class, () -> LocalSpark.run(new PersistenceJob(), LocalSpark.with(args, "--output",
                failed.toString())));
        assertEquals("sample 12: shape [2, 2] needs 4 values, got 3; fix that sample, or run with --on-bad-sample reject"
                + " to set bad samples aside in OUTPUT/_rejected", LocalSpark.badInput(e).getMessage());
        assertFalse(Files.exists(failed), "no output under the final path");

        String out = tmp.resolve("out").toString();
        JobSummary summary = LocalSpark.run(new PersistenceJob(), LocalSpark.with(args, "--output", out, "--on-bad-sample", "reject"));
        assertEquals(3L, summary.get("samples"));
        assertEquals(2L, summary.get("processed"));
        assertEquals(1L, summary.get("rejected"));
        assertEquals(List.of("sample 12: shape [2, 2] needs 4 values, got 3"), summary.get("first_rejections"));
        List<Row> result = spark.read().parquet(out).orderBy("id").collectAsList();
        assertEquals(2, result.size());
        assertEquals(11L, result.get(1).getLong(0));
        PersistenceDiagrams expected = LevelSetPersistence.compute(new double[] {3, 1, 2, 5}, new int[] {2, 2}, 1, LevelSet.SUBLEVEL);
        assertEquals(bars(expected), bars(result.get(1).getList(2)));
        List<Row> rejected = spark.read().parquet(out + "/_rejected").collectAsList();
        assertEquals("[[12,shape [2, 2] needs 4 values, got 3]]", rejected.toString());
        assertTrue(Files.readString(Path.of(out, "_summary.json")).contains("\"rejected\": 1"));
    }

    @Test
    void everyKindOfBadSampleIsRejectedWithItsReason() throws Exception {
        Path csv = tmp.resolve("table.csv");
        Files.writeString(csv, "id,values\n1,0 1 2 1 0\n2,0 NaN 1\n3,\n4,1 two 3\n5,1 Infinity 3\n6,2 2 2\n");
        String out = tmp.resolve("out").toString();
        JobSummary summary = LocalSpark.run(new PersistenceJob(), "--input", csv.toString(), "--id-column", "id",
                "--filtration", "sublevel", "--feature", "topk:dim=0,k=1", "--on-bad-sample", "reject", "--output", out);
        assertEquals(6L, summary.get("samples"));
        assertEquals(2L, summary.get("processed"));
        Map<Long, String> reasons = rejected(out);
        assertEquals(Map.of(2L, "value 1 is NaN (values must be finite)", 3L, "no values (the values column is null or empty)",
                4L, "a value of column 'values' is not a number", 5L, "value 1 is Infinity (values must be finite)"), reasons);
    }

    @Test
    void aSampleOverTheMemoryBudgetIsRefusedBeforeItsComputationWithARemedy() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("clouds"));
        java.util.Random random = new java.util.Random(3);
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            big.append(random.nextDouble()).append(',').append(random.nextDouble()).append('\n');
        }
        Files.writeString(dir.resolve("a-big.csv"), big);
        Files.writeString(dir.resolve("b-small.csv"), "0,0\n1,0\n1,1\n0,1\n");
        Files.write(dir.resolve("c-corrupt.csv"), new byte[] {'1', ',', 0, '\n'});
        String out = tmp.resolve("out").toString();
        LocalSpark.run(new PersistenceJob(), "--input", dir.toString(), "--filtration", "rips", "--feature",
                "topk:dim=1,k=1", "--memory-budget", "1m", "--on-bad-sample", "reject", "--output", out);
        Map<Long, String> reasons = rejected(out);
        assertEquals(java.util.Set.of(0L, 2L), reasons.keySet());
        assertTrue(reasons.get(0L).startsWith("Rips up to H1 of 400 points (about ") && reasons.get(0L).contains(
                "over the memory budget of 1.0 MiB (--memory-budget 1m); use --threshold "), reasons.get(0L));
        assertTrue(reasons.get(2L).contains("c-corrupt.csv: line 1, column 2"), reasons.get(2L));
        assertEquals(1L, LocalSpark.session().read().parquet(out).count());
    }

    @Test
    void pointCloudFilesGoThroughRips() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("clouds"));
        Files.writeString(dir.resolve("a.csv"), "0,0\n1,0\n1,1\n0,1\n");
        Files.writeString(dir.resolve("b.csv"), "0,0\n3,0\n");
        String out = tmp.resolve("out").toString();
        JobSummary summary = LocalSpark.run(new PersistenceJob(), "--input", dir.toString(), "--filtration", "rips",
                "--feature", "topk:dim=1,k=1", "--output", out);
        assertEquals(2L, summary.get("samples"));
        List<Row> rows = LocalSpark.session().read().parquet(out).orderBy("id").collectAsList();
        List<double[]> square = bars(rows.get(0).getList(2));
        assertTrue(square.stream().anyMatch(b -> b[0] == 1 && b[1] == 1 && b[2] == Math.sqrt(2)), "the square's H1 bar");
        assertEquals(Math.sqrt(2) - 1, rows.get(0).getList(3).get(0));
    }

    @Test
    void ripsTakesACoefficientFieldAndTheSummaryRecordsIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("clouds-z3"));
        Files.writeString(dir.resolve("a.csv"), "0,0\n1,0\n1,1\n0,1\n");
        String out = tmp.resolve("out-z3").toString();
        JobSummary summary = LocalSpark.run(new PersistenceJob(), "--input", dir.toString(), "--filtration", "rips",
                "--coeff", "3", "--feature", "topk:dim=1,k=1", "--output", out);
        assertEquals(3, summary.get("coeff"));
        List<double[]> square = bars(LocalSpark.session().read().parquet(out).collectAsList().get(0).getList(2));
        assertTrue(square.stream().anyMatch(b -> b[0] == 1 && b[1] == 1 && b[2] == Math.sqrt(2)), "the square's H1 bar");
        IllegalArgumentException notPrime = assertThrows(IllegalArgumentException.class, () -> LocalSpark.run(
                new PersistenceJob(), "--input", dir.toString(), "--filtration", "rips", "--coeff", "6", "--output", out));
        assertTrue(notPrime.getMessage().startsWith("--coeff: the coefficient modulus must be a prime below 32768"),
                notPrime.getMessage());
        IllegalArgumentException noRips = assertThrows(IllegalArgumentException.class, () -> LocalSpark.run(
                new PersistenceJob(), "--input", "synthetic", "--coeff", "3", "--output", out));
        assertTrue(noRips.getMessage().contains("--coeff 3 applies to rips only"), noRips.getMessage());
    }

    @Test
    void imagesThroughSparksImageSourceAreGreyLevels() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("pngs"));
        java.awt.image.BufferedImage ring = new java.awt.image.BufferedImage(9, 9,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < 9; r++) {
            for (int c = 0; c < 9; c++) {
                boolean onRing = Math.abs(Math.hypot(r - 4, c - 4) - 3) < 1;
                ring.getRaster().setSample(c, r, 0, onRing ? 255 : 0);
            }
        }
        javax.imageio.ImageIO.write(ring, "png", dir.resolve("ring.png").toFile());
        String out = tmp.resolve("out").toString();
        LocalSpark.run(new PersistenceJob(), "--input", dir.toString(), "--format", "image", "--filtration",
                "superlevel", "--feature", "topk:dim=1,k=1", "--output", out);
        Row row = LocalSpark.session().read().parquet(out).first();
        assertEquals(1.0, row.getList(3).get(0)); // one hole from 1 (ring) to 0 (inside)
    }

    @Test
    void aFailingJobLeavesNoOutput() throws Exception {
        Path idx = Files.createDirectories(tmp.resolve("idx"));
        Files.write(idx.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0, 0, 10, 0, 0, 0, 28, 0, 0, 0, 28, 1});
        Files.write(idx.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 10, 1, 2});
        Path out = tmp.resolve("out");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> LocalSpark.run(
                new PersistenceJob(), "--input", idx.toString(), "--split", "train", "--output", out.toString()));
        assertNotNull(e);
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("idx"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** The reasons in an output's _rejected table, by sample id. */
    private static Map<Long, String> rejected(String out) {
        Map<Long, String> reasons = new java.util.TreeMap<>();
        for (Row r : LocalSpark.session().read().parquet(out + "/_rejected").collectAsList()) {
            reasons.put(r.getLong(0), r.getString(1));
        }
        return reasons;
    }

    /** (dim, birth, death) triples of computed diagrams, in diagram order. */
    private static List<double[]> bars(PersistenceDiagrams diagrams) {
        List<double[]> out = new ArrayList<>();
        for (Diagram d : diagrams) {
            for (int i = 0; i < d.size(); i++) {
                out.add(new double[] {d.dimension(), d.birth(i), d.death(i)});
            }
        }
        return out;
    }

    private static List<double[]> bars(List<Row> structs) {
        return structs.stream().map(r -> new double[] {r.getInt(0), r.getDouble(1), r.getDouble(2)}).toList();
    }

    private static void assertEquals(List<double[]> expected, List<double[]> actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i));
        }
    }

    private static void assertEquals(Object expected, Object actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
