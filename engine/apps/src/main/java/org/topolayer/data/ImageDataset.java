package org.topolayer.data;

/**
 * Labelled grayscale images, row-major, values in [0, 1]. {@code source} says where they came
 * from ("fashion-mnist" or "synthetic"), so every output can report which data it used.
 */
public record ImageDataset(String source, int height, int width, double[][] images, int[] labels,
                           String[] classNames) {
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
