package org.topolayer.spark.io;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.topolayer.limits.LoadSize;
import org.topolayer.spark.BadJobInputException;

/**
 * Images through Spark's {@code image} data source (PNG, JPEG, …; undecodable files dropped),
 * converted to grey levels in [0, 1] (the mean of the channels). Ids follow the sorted file names.
 * Spark decodes the files itself, before any check of ours.
 */
public final class ImageFolderSource implements SampleSource {
    private final String dir;
    private final SampleLimits limits;

    /** @param limits the memory budget a decoded image's grey levels are checked against, or null for none */
    public ImageFolderSource(String dir, SampleLimits limits) {
        this.dir = dir;
        this.limits = limits;
    }

    @Override
    public Dataset<Sample> load(SparkSession spark) {
        Dataset<Row> images;
        try {
            images = spark.read().format("image").option("dropInvalid", true).load(dir);
        } catch (RuntimeException e) {
            throw new BadJobInputException("cannot read images from " + dir + " (" + e.getMessage().lines()
                    .findFirst().orElse("") + "); give --input a directory of image files");
        }
        Dataset<Row> sorted = images.select("image.*").orderBy("origin");
        SampleLimits checks = limits; // a local, so the closure does not capture this source
        return spark.createDataset(sorted.javaRDD().zipWithIndex().map(rowAndId -> grey(rowAndId._1(),
                rowAndId._2(), checks)).rdd(), Encoders.bean(Sample.class));
    }

    /**
     * The image as grey levels: Spark stores rows top to bottom, pixels as interleaved channel
     * bytes. An image whose grey levels would not fit the task's budget is a bad sample.
     */
    private static Sample grey(Row image, long id, SampleLimits limits) {
        int height = image.getInt(image.fieldIndex("height")), width = image.getInt(image.fieldIndex("width"));
        int channels = image.getInt(image.fieldIndex("nChannels"));
        if (limits != null) {
            try {
                limits.budget().require(LoadSize.ofShape(new int[] {height, width}));
            } catch (IllegalArgumentException e) {
                return Sample.failed(id, image.getString(image.fieldIndex("origin")) + ": " + e.getMessage());
            }
        }
        byte[] data = image.getAs("data");
        double[] values = new double[height * width];
        for (int p = 0; p < values.length; p++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += data[p * channels + c] & 0xFF;
            }
            values[p] = sum / (255.0 * channels);
        }
        return new Sample(id, null, values, new int[] {height, width});
    }

    @Override
    public String describe() {
        return "images in " + dir;
    }
}
