package org.topolayer.spark.io;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.topolayer.spark.BadJobInputException;

/**
 * Images through Spark's {@code image} data source (PNG, JPEG, …; undecodable files dropped),
 * converted to grey levels in [0, 1] (the mean of the channels). Ids follow the sorted file names.
 */
public final class ImageFolderSource implements SampleSource {
    private final String dir;

    public ImageFolderSource(String dir) {
        this.dir = dir;
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
        return spark.createDataset(sorted.javaRDD().zipWithIndex().map(rowAndId -> grey(rowAndId._1(),
                rowAndId._2())).rdd(), Encoders.bean(Sample.class));
    }

    /** The image as grey levels: Spark stores rows top to bottom, pixels as interleaved channel bytes. */
    private static Sample grey(Row image, long id) {
        int height = image.getInt(image.fieldIndex("height")), width = image.getInt(image.fieldIndex("width"));
        int channels = image.getInt(image.fieldIndex("nChannels"));
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
