package org.topolayer.apps.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.data.ImageDataset;
import org.topolayer.data.SyntheticImages;
import org.topolayer.nn.Standardizer;

/** The one classifier recipe: the networks topo attack trained before it was shared, bit for bit. */
class ClassifierRecipeTest {
    private final ImageDataset data = SyntheticImages.generate(24, 3);
    private final NetworkClassifier.Training training = new NetworkClassifier.Training(2, 8, 1e-3, 5);

    @Test
    void pixelModelsAreTheApplicationsNetworks() throws Exception {
        ClassifierRecipe cnn = new ClassifierRecipe("pixel-cnn", new int[] {28, 28}, 10, new int[] {16}, 5,
                TopFeatureMap.Spec.defaults());
        byte[] expected = NetworkClassifier.cnn(28, 28, 10, 5).fit(data.images(), data.labels(), training,
                NetworkClassifier.Progress.SILENT).toBytes();
        NetworkClassifier got = (NetworkClassifier) cnn.fit(data.images(), data.labels(), training,
                NetworkClassifier.Progress.SILENT).classifier();
        assertArrayEquals(expected, got.toBytes());
    }

    @Test
    void topModelsStandardizeTheirFeaturesAndTrainTheHead() throws Exception {
        ClassifierRecipe recipe = new ClassifierRecipe("topmodel-mlp", new int[] {28, 28}, 10, new int[] {16}, 5,
                new TopFeatureMap.Spec(2, 1.5, 2, true, true));
        double[][] features = recipe.featureMap().features(data.images());
        assertEquals(features[0].length, recipe.networkInputs());
        Standardizer s = Standardizer.fit(features);
        byte[] head = NetworkClassifier.mlp(features[0].length, new int[] {16}, 10, 5).fit(s.apply(features),
                data.labels(), training, NetworkClassifier.Progress.SILENT).toBytes();
        TopModel got = (TopModel) recipe.fit(features, data.labels(), training, NetworkClassifier.Progress.SILENT)
                .classifier();
        assertArrayEquals(head, ((NetworkClassifier) got.head()).toBytes());
        assertArrayEquals(s.mean(), got.standardizer().mean(), 0);
    }

    @Test
    void refusesUnknownModelsAndFlatImagesForTheCnn() {
        assertThrows(IllegalArgumentException.class, () -> new ClassifierRecipe("resnet", new int[] {28, 28}, 10,
                new int[0], 1, TopFeatureMap.Spec.defaults()));
        assertThrows(IllegalArgumentException.class, () -> new ClassifierRecipe("pixel-cnn", new int[] {784}, 10,
                new int[0], 1, TopFeatureMap.Spec.defaults()));
    }
}
