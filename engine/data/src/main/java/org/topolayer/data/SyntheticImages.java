package org.topolayer.data;

import java.util.SplittableRandom;

/**
 * Ten classes of 28×28 images with known topology, generated in code: the embedded default when
 * Fashion-MNIST is not installed. Each image is a blurred shape at a random position, scale and
 * stroke, plus noise; the class fixes the number of components and holes.
 */
public final class SyntheticImages {
    public static final int SIZE = 28;
    public static final String[] CLASS_NAMES = {"disk", "ring", "two disks", "three blobs", "bar", "cross",
        "figure eight", "C shape", "square frame", "two rings"};

    private SyntheticImages() {}

    /** {@code n} images with labels cycling through the ten classes, reproducible from {@code seed}. */
    public static ImageDataset generate(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] images = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASS_NAMES.length;
            images[i] = draw(labels[i], rnd);
        }
        return new ImageDataset("synthetic", SIZE, SIZE, images, labels, CLASS_NAMES);
    }

    /** One image of the class: intensity 1 on the shape falling off over about a pixel, plus noise. */
    static double[] draw(int label, SplittableRandom rnd) {
        double cx = 13.5 + rnd.nextDouble(-1.5, 1.5), cy = 13.5 + rnd.nextDouble(-1.5, 1.5);
        // shapes reach at most 12 units from their centre, so they stay inside the frame
        double s = rnd.nextDouble(0.8, 1.0), stroke = rnd.nextDouble(1.2, 2.0);
        double[] img = new double[SIZE * SIZE];
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                double x = (c - cx) / s, y = (r - cy) / s;
                double d = distance(label, x, y, stroke);
                double v = 1 / (1 + Math.exp(2.5 * d)) + rnd.nextDouble(-0.05, 0.05);
                img[r * SIZE + c] = Math.min(1, Math.max(0, v));
            }
        }
        return img;
    }

    /** Signed distance (negative inside) to the class's shape, in pixels. */
    private static double distance(int label, double x, double y, double stroke) {
        return switch (label) {
            case 0 -> Math.hypot(x, y) - 7;
            case 1 -> Math.abs(Math.hypot(x, y) - 8) - stroke;
            case 2 -> Math.min(Math.hypot(x - 6, y), Math.hypot(x + 6, y)) - 4;
            case 3 -> Math.min(Math.hypot(x, y - 7), Math.min(Math.hypot(x - 6, y + 4), Math.hypot(x + 6, y + 4))) - 3;
            case 4 -> Math.max(Math.abs(x) - 10, Math.abs(y) - stroke);
            case 5 -> Math.min(Math.max(Math.abs(x) - 10, Math.abs(y) - stroke),
                    Math.max(Math.abs(y) - 10, Math.abs(x) - stroke));
            case 6 -> Math.min(Math.abs(Math.hypot(x, y - 5) - 4.5), Math.abs(Math.hypot(x, y + 5) - 4.5)) - stroke;
            case 7 -> Math.max(Math.abs(Math.hypot(x, y) - 8) - stroke, x - 3); // a ring with its right side cut
            case 8 -> Math.abs(Math.max(Math.abs(x), Math.abs(y)) - 8) - stroke;
            default -> Math.min(Math.abs(Math.hypot(x - 6.5, y) - 3.5), Math.abs(Math.hypot(x + 6.5, y) - 3.5)) - stroke;
        };
    }
}
