package org.topolayer.apps.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.data.ImageDataset;
import org.topolayer.data.SyntheticImages;
import org.topolayer.nn.Standardizer;

/** The TopModel feature map and the whole TopModel: pixel gradients against finite differences. */
class TopModelTest {
    private static final int SIZE = 12;

    /** A random image without ties (continuous values), so finite differences see one smooth piece. */
    private static double[] randomImage(SplittableRandom random) {
        double[] x = new double[SIZE * SIZE];
        for (int p = 0; p < x.length; p++) {
            x[p] = random.nextDouble();
        }
        return x;
    }

    @Test
    void featureNamesAndCountFollowTheSpec() {
        TopFeatureMap map = new TopFeatureMap(SIZE, SIZE, TopFeatureMap.Spec.defaults());
        assertEquals(8 * (2 * 4 + 1) + 2 * 2 * 4, map.size());
        assertEquals(map.size(), map.names().size());
        assertEquals("dir000_H0_top1", map.names().get(0));
        assertEquals("dir000_H0_extent", map.names().get(8));
        assertEquals("sup_H1_top4", map.names().get(map.size() - 1));
        assertEquals(10, map.filtrationNames().size());
    }

    @Test
    void directionalFiltrationSweepsBrightPixelsFirst() {
        TopFeatureMap map = new TopFeatureMap(SIZE, SIZE, TopFeatureMap.Spec.defaults());
        double[] image = new double[SIZE * SIZE];
        image[5 * SIZE + 3] = 1; // a lone bright pixel left of centre
        double[] f = map.filtrationValues(0, image); // direction 0°: height grows to the right
        double min = java.util.Arrays.stream(f).min().orElseThrow();
        assertEquals(f[5 * SIZE + 3], min, 0); // enters first although other pixels lie further left
        assertEquals(f[5 * SIZE + 3], map.features(image)[8], 1e-12); // the extent feature is that value
    }

    @Test
    void featureMapVectorJacobianProductMatchesFiniteDifferences() {
        TopFeatureMap map = new TopFeatureMap(SIZE, SIZE, new TopFeatureMap.Spec(8, 1.5, 3, true, true));
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 3; trial++) {
            double[] x = randomImage(random);
            double[] upstream = new double[map.size()];
            for (int j = 0; j < upstream.length; j++) {
                upstream[j] = random.nextDouble(-1, 1);
            }
            double[] analytic = map.backward(map.evaluate(x), upstream);
            double h = 1e-7;
            int nonzero = 0;
            for (int p = 0; p < x.length; p++) {
                double original = x[p];
                x[p] = original + h;
                double plus = dot(map.features(x), upstream);
                x[p] = original - h;
                double minus = dot(map.features(x), upstream);
                x[p] = original;
                assertEquals((plus - minus) / (2 * h), analytic[p], 1e-5, "pixel " + p);
                nonzero += analytic[p] != 0 ? 1 : 0;
            }
            assertTrue(nonzero > 10, "only " + nonzero + " pixels get a gradient");
        }
    }

    @Test
    void topModelInputGradientMatchesFiniteDifferences() {
        ImageDataset data = SyntheticImages.generate(60, 3);
        TopFeatureMap map = new TopFeatureMap(28, 28, new TopFeatureMap.Spec(8, 1.5, 2, true, true));
        double[][] features = map.features(data.images());
        Standardizer standardizer = Standardizer.fit(features);
        NetworkClassifier head = NetworkClassifier.mlp(map.size(), new int[] {8}, 10, 3, DataType.DOUBLE);
        head.fit(standardizer.apply(features), data.labels(), new NetworkClassifier.Training(2, 16, 1e-2, 3),
                NetworkClassifier.Progress.SILENT);
        TopModel model = new TopModel(map, standardizer, head);
        // random noise images: no ties between pixel values
        SplittableRandom random = new SplittableRandom(8);
        double[][] x = new double[2][28 * 28];
        for (double[] row : x) {
            for (int p = 0; p < row.length; p++) {
                row[p] = random.nextDouble();
            }
        }
        int[] labels = {1, 6};
        var analytic = model.lossGradient(x, labels);
        double h = 1e-7;
        for (int i = 0; i < x.length; i++) {
            int checked = 0;
            for (int p = 0; p < x[i].length && checked < 40; p++) {
                if (analytic.gradients()[i][p] == 0 && p % 37 != 0) {
                    continue; // check all pixels with a gradient and a spread of the others
                }
                double[][] one = {x[i].clone()};
                one[0][p] += h;
                double plus = model.lossGradient(one, new int[] {labels[i]}).losses()[0];
                one[0][p] -= 2 * h;
                double minus = model.lossGradient(one, new int[] {labels[i]}).losses()[0];
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, analytic.gradients()[i][p], 1e-5 * Math.max(1, Math.abs(numeric)),
                        "sample " + i + " pixel " + p);
                checked++;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
