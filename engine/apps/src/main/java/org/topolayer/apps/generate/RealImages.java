package org.topolayer.apps.generate;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training images as the GAN's discriminator sees them: scaled from [0, 1] to the generator's
 * [-1, 1] (tanh) range once, and drawn with replacement in batches. Immutable.
 */
public final class RealImages {
    private final float[] pixels;
    private final int count;
    private final int size;

    /** @param unitImages images in [0, 1], row-major, all of one size */
    public RealImages(double[][] unitImages) {
        if (unitImages.length == 0) {
            throw new IllegalArgumentException("no training images");
        }
        this.count = unitImages.length;
        this.size = unitImages[0].length;
        this.pixels = new float[count * size];
        for (int i = 0; i < count; i++) {
            if (unitImages[i].length != size) {
                throw new IllegalArgumentException("image " + i + " has " + unitImages[i].length + " pixels, the first "
                        + size);
            }
            for (int p = 0; p < size; p++) {
                pixels[i * size + p] = (float) (2 * unitImages[i][p] - 1);
            }
        }
    }

    public int count() {
        return count;
    }

    /** Pixels per image. */
    public int size() {
        return size;
    }

    /** A [n, size] batch of images drawn uniformly with replacement from {@code random}. */
    public INDArray batch(int n, SplittableRandom random) {
        float[] batch = new float[n * size];
        for (int i = 0; i < n; i++) {
            System.arraycopy(pixels, random.nextInt(count) * size, batch, i * size, size);
        }
        return Nd4j.create(batch, new long[] {n, size}, 'c');
    }
}
