package org.topolayer.spark.train;

import java.util.HashMap;
import java.util.Map;
import org.topolayer.nn.MlpNetwork;

/**
 * The executors' networks: one per shape and task thread, built once (a SameDiff graph and its
 * gradient function take a while) and given the step's broadcast parameters at every partition.
 * SameDiff graphs are not thread-safe, so threads do not share them.
 */
final class ExecutorNetworks {
    private static final ThreadLocal<Map<String, MlpNetwork>> BUILT = ThreadLocal.withInitial(HashMap::new);

    private ExecutorNetworks() {}

    /** This thread's networks of the given shapes, holding the given parameters. */
    static MlpNetwork[] of(NetworkShape[] shapes, float[][] parameters) {
        MlpNetwork[] out = new MlpNetwork[shapes.length];
        Map<String, MlpNetwork> built = BUILT.get();
        for (int i = 0; i < shapes.length; i++) {
            String key = i + ":" + shapes[i].key();
            out[i] = built.get(key);
            if (out[i] == null) {
                out[i] = MlpNetwork.of(shapes[i].sizes(), shapes[i].output(), parameters[i]);
                built.put(key, out[i]);
            } else {
                out[i].setParameters(parameters[i]);
            }
        }
        return out;
    }
}
