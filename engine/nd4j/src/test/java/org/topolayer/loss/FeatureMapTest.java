package org.topolayer.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.topolayer.features.FeatureVector;
import org.topolayer.features.GradientCheck;
import org.topolayer.features.SumBarcodeLengths;
import org.topolayer.features.TopKBarcodeLengths;
import org.topolayer.filtration.LevelSet;
import org.topolayer.layer.GridLevelSetLayer;
import org.topolayer.persistence.grid.LevelSetPersistence;

/** The feature map: parts' vectors concatenated, and its backward pass against finite differences. */
class FeatureMapTest {
    private static final int H = 6;
    private static final int W = 5;

    private static FeatureMap map() {
        double[] ramp = new double[H * W];
        for (int p = 0; p < ramp.length; p++) {
            ramp[p] = 0.1 * (p % W);
        }
        FeatureVector topAndSum = new FeatureVector(List.of(new TopKBarcodeLengths(0, 3), new TopKBarcodeLengths(1, 2),
                new SumBarcodeLengths(0)));
        return new FeatureMap(List.of(
                new FeatureMap.Part("sub", GridLevelSetLayer.image(1, LevelSet.SUBLEVEL), 1, null, topAndSum),
                new FeatureMap.Part("swept", GridLevelSetLayer.image(1, LevelSet.SUPERLEVEL), -0.5, ramp, topAndSum)));
    }

    private static double[] image(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[H * W];
        for (int p = 0; p < x.length; p++) {
            x[p] = random.nextDouble(); // distinct values: the diagrams are smooth in x near it
        }
        return x;
    }

    @Test
    void partsAreConcatenatedInOrder() {
        FeatureMap map = map();
        assertEquals(12, map.length());
        assertEquals(List.of("sub", "swept"), map.partNames());
        double[] x = image(1);
        double[] values = map.forward(x, new int[] {H, W}).values();
        FeatureVector first = map.parts().get(0).features();
        assertArrayEquals(first.of(LevelSetPersistence.compute(x, new int[] {H, W}, 1, LevelSet.SUBLEVEL)),
                java.util.Arrays.copyOf(values, 6), 0);
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        FeatureMap map = map();
        int[] shape = {H, W};
        for (long seed = 1; seed <= 5; seed++) {
            double[] x = image(seed);
            double[] upstream = new SplittableRandom(seed + 100).doubles(map.length(), -1, 1).toArray();
            double[] gradient = map.backward(map.forward(x, shape), upstream);
            GradientCheck.assertMatches(u -> {
                double[] v = map.forward(u, shape).values();
                double dot = 0;
                for (int j = 0; j < v.length; j++) {
                    dot += upstream[j] * v[j];
                }
                return dot;
            }, x, gradient, x.length, "seed " + seed);
        }
    }

    @Test
    void badPartsAndUpstreamsAreRefused() {
        FeatureVector h1 = new FeatureVector(List.of(new TopKBarcodeLengths(1, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> new FeatureMap.Part("p", GridLevelSetLayer.image(0, LevelSet.SUBLEVEL), 1, null, h1));
        assertThrows(IllegalArgumentException.class,
                () -> new FeatureMap.Part("p", GridLevelSetLayer.image(1, LevelSet.SUBLEVEL), 0, null, h1));
        FeatureMap map = map();
        FeatureMap.Evaluation e = map.forward(image(1), new int[] {H, W});
        assertThrows(IllegalArgumentException.class, () -> map.backward(e, new double[3]));
    }
}
