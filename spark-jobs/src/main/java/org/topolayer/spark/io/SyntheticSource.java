package org.topolayer.spark.io;

import java.util.Iterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.topolayer.data.ImageDataset;
import org.topolayer.data.SyntheticImages;

/**
 * The engine's synthetic 28×28 images of known topology (ten classes), generated on the executors,
 * chunk k from seed + k: the same images whatever the partitioning.
 */
public final class SyntheticSource implements SampleSource {
    /** Images per task: generating is cheap to start, so small chunks spread small sets over the cores. */
    private static final int CHUNK = 500;
    private final int count;
    private final long seed;

    public SyntheticSource(int count, long seed) {
        this.count = count;
        this.seed = seed;
    }

    @Override
    public Dataset<Sample> load(SparkSession spark) {
        return ChunkedImages.load(spark, ImageChunk.cover(Long.toString(seed), count, 0, CHUNK), SyntheticSource::generate);
    }

    private static Iterator<Sample> generate(ImageChunk chunk) {
        long chunkSeed = Long.parseLong(chunk.source()) + chunk.start() / CHUNK;
        ImageDataset images = SyntheticImages.generate(chunk.count(), chunkSeed);
        return java.util.stream.IntStream.range(0, chunk.count())
                .mapToObj(i -> new Sample(chunk.firstId() + i, images.labels()[i], images.images()[i],
                        new int[] {images.height(), images.width()}))
                .iterator();
    }

    @Override
    public String describe() {
        return "synthetic images (" + count + ", seed " + seed + ")";
    }
}
