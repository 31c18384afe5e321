package org.topolayer.spark.train;

import org.topolayer.nn.MlpNetwork;

/**
 * The architecture of an {@link MlpNetwork}: what an executor needs, beside the broadcast
 * parameters, to rebuild the driver's network.
 */
record NetworkShape(int[] sizes, MlpNetwork.Output output) implements ModelShape<MlpNetwork> {
    @Override
    public String key() {
        return java.util.Arrays.toString(sizes) + output;
    }

    @Override
    public MlpNetwork build(float[] parameters) {
        return MlpNetwork.of(sizes, output, parameters);
    }

    @Override
    public void load(MlpNetwork model, float[] parameters) {
        model.setParameters(parameters);
    }
}
