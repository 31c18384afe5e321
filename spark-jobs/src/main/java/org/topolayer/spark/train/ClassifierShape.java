package org.topolayer.spark.train;

import java.util.Arrays;
import org.topolayer.apps.attack.ClassifierRecipe;
import org.topolayer.apps.classifier.NetworkClassifier;

/** The classifier workload's DL4J network (a TopModel's head), rebuilt on an executor from its recipe. */
record ClassifierShape(ClassifierRecipe recipe) implements ModelShape<NetworkClassifier> {
    @Override
    public String key() {
        return recipe.model() + Arrays.toString(recipe.shape()) + recipe.classes() + Arrays.toString(recipe.hidden())
                + recipe.features();
    }

    @Override
    public NetworkClassifier build(float[] parameters) {
        NetworkClassifier network = recipe.network();
        network.setParameters(parameters);
        return network;
    }

    @Override
    public void load(NetworkClassifier model, float[] parameters) {
        model.setParameters(parameters);
    }
}
