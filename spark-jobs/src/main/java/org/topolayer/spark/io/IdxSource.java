package org.topolayer.spark.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.topolayer.data.IdxFolder;
import org.topolayer.spark.BadJobInputException;

/**
 * A folder of IDX files in the MNIST layout ({@code train-*} and {@code t10k-*}, gzip or plain; see
 * {@link IdxFolder}) that every executor can read: MNIST's cache, Debian's Fashion-MNIST or any
 * such folder. Ids: the images of the splits read, in order (split all: the training images, then
 * the test images, from 60 000 for Fashion-MNIST and 8 000 for MNIST).
 */
public final class IdxSource implements SampleSource {
    private static final int SIDE = 28;
    /**
     * Images per task. Each task inflates its file from the start up to its chunk, so fewer, larger
     * chunks waste less; 5 000 still gives 14 tasks to balance over the cores on all 70 000.
     */
    private static final int CHUNK = 5000;
    private final String name;
    private final Path dir;
    private final List<String> splits;
    private final int limit;

    /**
     * @param name  the dataset, for {@link #describe()}: mnist, fashion-mnist or the folder
     * @param split train, test or all
     * @param limit at most this many images per split (0: all)
     */
    public IdxSource(String name, Path dir, String split, int limit) {
        this.name = name;
        this.dir = dir;
        this.splits = switch (split.toLowerCase(Locale.ROOT)) {
            case "train" -> List.of("train");
            case "test", "t10k" -> List.of("t10k");
            case "all" -> List.of("train", "t10k");
            default -> throw new BadJobInputException("unknown split '" + split + "'; use train, test or all");
        };
        this.limit = limit;
    }

    @Override
    public Dataset<Sample> load(SparkSession spark) {
        List<ImageChunk> chunks = new ArrayList<>();
        long firstId = 0;
        for (String split : splits) {
            Path images = file(split, "images-idx3-ubyte");
            file(split, "labels-idx1-ubyte");
            int all = IdxRows.count(images);
            int total = limit > 0 ? Math.min(limit, all) : all;
            chunks.addAll(ImageChunk.cover(dir.resolve(split).toString(), total, firstId, CHUNK));
            firstId += all;
        }
        return ChunkedImages.load(spark, chunks, IdxSource::read);
    }

    private static java.util.Iterator<Sample> read(ImageChunk chunk) {
        Path images = gzOrPlain(chunk.source() + "-images-idx3-ubyte");
        Path labels = gzOrPlain(chunk.source() + "-labels-idx1-ubyte");
        return ChunkedImages.samples(chunk, IdxRows.read(images, chunk.start(), chunk.count()),
                IdxRows.read(labels, chunk.start(), chunk.count()), SIDE, SIDE);
    }

    private Path file(String split, String kind) {
        Path found = gzOrPlain(dir.resolve(split) + "-" + kind);
        if (!Files.isReadable(found)) {
            throw new BadJobInputException("no readable " + split + "-" + kind + "[.gz] in " + dir
                    + "; an IDX folder holds " + IdxFolder.EXPECTED);
        }
        return found;
    }

    private static Path gzOrPlain(String prefix) {
        Path gz = Path.of(prefix + ".gz");
        return Files.exists(gz) ? gz : Path.of(prefix);
    }

    @Override
    public String describe() {
        return name + " " + dir + " (" + String.join("+", splits) + (limit > 0 ? ", first " + limit : "") + ")";
    }
}
