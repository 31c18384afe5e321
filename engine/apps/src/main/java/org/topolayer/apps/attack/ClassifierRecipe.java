package org.topolayer.apps.attack;

import java.io.Serializable;
import java.util.Arrays;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.nn.Standardizer;

/**
 * The one recipe of the attack application's classifiers ({@link SavedClassifier#MODELS}), used by
 * {@code topo attack}, the Spark attack job and the Spark train job's {@code classifier} workload:
 * <ul>
 *   <li>{@code pixel-mlp}: an MLP on the pixels with ReLU hidden layers of widths {@code hidden};</li>
 *   <li>{@code pixel-cnn}: {@link NetworkClassifier#cnn}'s CNN on the H×W image;</li>
 *   <li>{@code topmodel-logistic}, {@code topmodel-mlp}: a TopModel, the image's
 *       {@link TopFeatureMap} features standardized (mean and deviation of the training features),
 *       then a logistic-regression or MLP ({@code hidden}) head;</li>
 * </ul>
 * every network initialised from {@code seed} and trained by Adam on the cross-entropy. Serializable,
 * so that Spark executors can rebuild the network (then given the driver's parameters).
 *
 * @param shape    the input shape (H, W; a pixel-mlp also takes a 1-D shape)
 * @param hidden   the MLP's hidden widths (ignored by the logistic head and the CNN)
 * @param features the TopModel's feature map (ignored by the pixel models)
 */
public record ClassifierRecipe(String model, int[] shape, int classes, int[] hidden, long seed,
                               TopFeatureMap.Spec features) implements Serializable {
    public ClassifierRecipe {
        if (!SavedClassifier.MODELS.contains(model)) {
            throw new IllegalArgumentException("unknown model '" + model + "'; use one of "
                    + String.join(", ", SavedClassifier.MODELS));
        }
        if (shape.length != 2 && !model.equals("pixel-mlp")) {
            throw new IllegalArgumentException(model + " needs 2-D images, got shape " + Arrays.toString(shape)
                    + " (or use pixel-mlp)");
        }
        shape = shape.clone();
        hidden = hidden.clone();
    }

    /** Whether the model classifies persistence features (a TopModel) rather than pixels. */
    public boolean topModel() {
        return SavedClassifier.isTopModel(model);
    }

    /** The TopModel's feature map of images of the recipe's shape. */
    public TopFeatureMap featureMap() {
        if (!topModel()) {
            throw new IllegalStateException(model + " has no feature map");
        }
        return new TopFeatureMap(shape[0], shape[1], features);
    }

    /** Values the network takes: the pixels, or a TopModel's feature count. */
    public int networkInputs() {
        return topModel() ? featureMap().size() : Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    /** The untrained network (a TopModel's head), initialised from the seed. */
    public NetworkClassifier network() {
        return switch (model) {
            case "pixel-cnn" -> NetworkClassifier.cnn(shape[0], shape[1], classes, seed);
            case "topmodel-logistic" -> NetworkClassifier.logistic(networkInputs(), classes, seed);
            default -> NetworkClassifier.mlp(networkInputs(), hidden, classes, seed); // pixel-mlp, topmodel-mlp
        };
    }

    /**
     * Trains the recipe's network.
     *
     * @param x the pixels (pixel models) or the raw, unstandardized {@link TopFeatureMap} features (TopModels)
     */
    public SavedClassifier fit(double[][] x, int[] labels, NetworkClassifier.Training training,
                               NetworkClassifier.Progress progress) {
        if (!topModel()) {
            return assemble(network().fit(x, labels, training, progress), null);
        }
        Standardizer standardizer = Standardizer.fit(x);
        return assemble(network().fit(standardizer.apply(x), labels, training, progress), standardizer);
    }

    /**
     * The classifier of a trained network: the network itself, or for a TopModel the feature map,
     * the standardizer and the network as its head.
     */
    public SavedClassifier assemble(NetworkClassifier trained, Standardizer standardizer) {
        return topModel() ? SavedClassifier.topModel(model, new TopModel(featureMap(), standardizer, trained))
                : SavedClassifier.pixel(model, shape, trained);
    }
}
