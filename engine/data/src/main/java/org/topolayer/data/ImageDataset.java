package org.topolayer.data;

/**
 * Labelled grayscale images, row-major, values in [0, 1]. {@code source} says where they came
 * from ("mnist", "fashion-mnist", "synthetic" or the IDX folder given), so every output can report
 * which data it used; {@code classNames} follow the dataset (the digits "0".."9" for MNIST).
 */
public record ImageDataset(String source, int height, int width, double[][] images, int[] labels,
                           String[] classNames) {
    /** Train and test splits of one dataset. */
    public record Splits(ImageDataset train, ImageDataset test) {
        public String source() {
            return train.source();
        }
    }

    public int size() {
        return images.length;
    }

    public int pixels() {
        return height * width;
    }

    /** The first {@code n} samples (or all, if fewer). */
    public ImageDataset head(int n) {
        int m = Math.min(n, size());
        return new ImageDataset(source, height, width, java.util.Arrays.copyOf(images, m),
                java.util.Arrays.copyOf(labels, m), classNames);
    }
}
