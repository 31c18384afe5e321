package org.topolayer.spark.attack;

import java.io.IOException;
import java.io.Serializable;
import org.topolayer.apps.attack.TopModel;
import org.topolayer.nn.DifferentiableClassifier;
import org.topolayer.nn.NetworkClassifier;
import org.topolayer.nn.Standardizer;

/**
 * A classifier trained on the driver, in the form the attack job broadcasts: the network as
 * bytes ({@link NetworkClassifier#toBytes}) and, for a TopModel, its feature map and
 * standardization. Each partition {@link #open}s its own instance (DL4J networks are not
 * thread-safe).
 */
public final class ShippedClassifier implements Serializable {
    private static final long serialVersionUID = 1L;
    private byte[] network;
    private FeatureMapSpec features;
    private double[] mean;
    private double[] std;

    ShippedClassifier() {} // Kryo

    /** A pixel-space classifier. */
    static ShippedClassifier of(NetworkClassifier network) throws IOException {
        ShippedClassifier c = new ShippedClassifier();
        c.network = network.toBytes();
        return c;
    }

    /** A TopModel: the head classifies the standardized features of the map. */
    static ShippedClassifier topModel(FeatureMapSpec features, Standardizer standardizer, NetworkClassifier head)
            throws IOException {
        ShippedClassifier c = of(head);
        c.features = features;
        c.mean = standardizer.mean();
        c.std = standardizer.std();
        return c;
    }

    DifferentiableClassifier open() throws IOException {
        NetworkClassifier net = NetworkClassifier.fromBytes(network);
        return features == null ? net : new TopModel(features.build(), new Standardizer(mean, std), net);
    }
}
