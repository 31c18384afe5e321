package org.topolayer.spark.io;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.topolayer.io.BadInputException;
import org.topolayer.io.Grid;
import org.topolayer.io.Inputs;
import org.topolayer.limits.LoadSize;
import org.topolayer.spark.BadJobInputException;
import scala.Tuple2;

/**
 * A directory of {@code .npy} or {@code .csv} arrays (point clouds n×d, images, signals), one
 * sample per file, read with the engine's readers on the executors. The directory must be on a
 * file system every executor sees (local disk of a single machine, NFS). Ids follow the sorted
 * file names; a file that cannot be read, or that would not fit the task's memory budget (checked
 * from the .npy header or the text file's length before loading), becomes a bad sample.
 */
public final class ArrayFileSource implements SampleSource {
    private final String dir;
    private final String extension;
    private final SampleLimits limits;

    /**
     * @param extension "npy" or "csv"
     * @param limits    the memory budget files are checked against before loading, or null for none
     */
    public ArrayFileSource(String dir, String extension, SampleLimits limits) {
        this.dir = dir;
        this.extension = extension;
        this.limits = limits;
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
        SampleLimits checks = limits; // a local, so the closure does not capture this source
        return spark.createDataset(jsc.parallelize(numbered, slices)
                .map(idAndFile -> read(idAndFile._2(), idAndFile._1(), checks)).rdd(), Encoders.bean(Sample.class));
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

    private static Sample read(String uri, long id, SampleLimits limits) {
        String file = Path.of(URI.create(uri)).toString();
        try {
            if (limits != null) {
                int[] declared = Inputs.declaredShape(file);
                limits.budget().require(declared != null ? LoadSize.ofShape(declared)
                        : LoadSize.ofText(Files.size(Path.of(file))));
            }
            Grid grid = Inputs.storedGrid(file);
            return new Sample(id, null, grid.values(), grid.shape());
        } catch (BadInputException e) {
            return Sample.failed(id, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return Sample.failed(id, file + ": " + e.getMessage());
        }
    }

    @Override
    public String describe() {
        return "*." + extension + " files in " + dir;
    }
}
