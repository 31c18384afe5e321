package org.topolayer.spark.io;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.topolayer.io.Grid;
import org.topolayer.io.Inputs;
import org.topolayer.spark.BadJobInputException;
import scala.Tuple2;

/**
 * A directory of {@code .npy} or {@code .csv} arrays (point clouds n×d, images, signals), one
 * sample per file, read with the engine's readers on the executors. The directory must be on a
 * file system every executor sees (local disk of a single machine, NFS). Ids follow the sorted
 * file names; a file that cannot be read becomes a failed sample.
 */
public final class ArrayFileSource implements SampleSource {
    private final String dir;
    private final String extension;

    /** @param extension "npy" or "csv" */
    public ArrayFileSource(String dir, String extension) {
        this.dir = dir;
        this.extension = extension;
    }

    @Override
    public Dataset<Sample> load(SparkSession spark) {
        List<String> files = list(spark);
        // ids numbered here rather than by zipWithIndex, which costs an extra Spark job
        List<Tuple2<Long, String>> numbered = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            numbered.add(new Tuple2<>((long) i, files.get(i)));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(files.size(), 4 * jsc.defaultParallelism()));
        return spark.createDataset(jsc.parallelize(numbered, slices)
                .map(idAndFile -> read(idAndFile._2(), idAndFile._1())).rdd(), Encoders.bean(Sample.class));
    }

    private List<String> list(SparkSession spark) {
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(dir);
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus[] found = fs.globStatus(new org.apache.hadoop.fs.Path(path, "*." + extension));
            if (found == null || found.length == 0) {
                throw new BadJobInputException("no *." + extension + " files in " + dir
                        + "; check --input (a directory) and --format");
            }
            List<String> files = new ArrayList<>();
            for (FileStatus f : found) {
                files.add(f.getPath().toUri().toString());
            }
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw new BadJobInputException("cannot list " + dir + " (" + e.getMessage() + "); check --input");
        }
    }

    private static Sample read(String uri, long id) {
        try {
            Grid grid = Inputs.storedGrid(Path.of(URI.create(uri)).toString());
            return new Sample(id, null, grid.values(), grid.shape());
        } catch (IOException | RuntimeException e) {
            return Sample.failed(id, uri + ": " + e.getMessage());
        }
    }

    @Override
    public String describe() {
        return "*." + extension + " files in " + dir;
    }
}
