package org.topolayer.spark.io;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/** Images read (or generated) chunk by chunk on the executors: one partition per {@link ImageChunk}. */
final class ChunkedImages {
    private ChunkedImages() {}

    static Dataset<Sample> load(SparkSession spark, List<ImageChunk> chunks,
                                FlatMapFunction<ImageChunk, Sample> reader) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataset(jsc.parallelize(chunks, Math.max(1, chunks.size())).flatMap(reader).rdd(),
                Encoders.bean(Sample.class));
    }

    /** Samples of one chunk from its row-major 8-bit pixels (scaled to [0, 1]) and labels. */
    static Iterator<Sample> samples(ImageChunk chunk, byte[] pixels, byte[] labels, int height, int width) {
        int size = height * width;
        List<Sample> out = new ArrayList<>(chunk.count());
        int[] shape = {height, width};
        for (int i = 0; i < chunk.count(); i++) {
            double[] values = new double[size];
            for (int p = 0; p < size; p++) {
                values[p] = (pixels[i * size + p] & 0xFF) / 255.0;
            }
            out.add(new Sample(chunk.firstId() + i, labels[i] & 0xFF, values, shape));
        }
        return out.iterator();
    }
}
