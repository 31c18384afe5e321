package org.topolayer.spark.train;

import java.io.Serializable;
import org.topolayer.nn.MlpNetwork;

/**
 * The architecture of an {@link MlpNetwork}: what an executor needs, beside the broadcast
 * parameters, to rebuild the driver's network.
 */
record NetworkShape(int[] sizes, MlpNetwork.Output output) implements Serializable {
    String key() {
        return java.util.Arrays.toString(sizes) + output;
    }
}
