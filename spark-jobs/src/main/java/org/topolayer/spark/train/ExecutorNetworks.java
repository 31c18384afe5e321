package org.topolayer.spark.train;

import java.util.HashMap;
import java.util.Map;

/**
 * The executors' networks: one per shape and task thread, built once (a SameDiff graph and its
 * gradient function, a DL4J network, take a while) and given the step's broadcast parameters at
 * every partition. Neither SameDiff graphs nor DL4J networks are thread-safe, so threads do not
 * share them.
 */
final class ExecutorNetworks {
    private static final ThreadLocal<Map<String, Object>> BUILT = ThreadLocal.withInitial(HashMap::new);

    private ExecutorNetworks() {}

    /** This thread's models of the given shapes (in order), holding the given parameters. */
    static Object[] of(ModelShape<?>[] shapes, float[][] parameters) {
        Object[] out = new Object[shapes.length];
        Map<String, Object> built = BUILT.get();
        for (int i = 0; i < shapes.length; i++) {
            out[i] = get(i + ":" + shapes[i].key(), shapes[i], parameters[i], built);
        }
        return out;
    }

    private static <M> M get(String key, ModelShape<M> shape, float[] parameters, Map<String, Object> built) {
        @SuppressWarnings("unchecked") // stored under a key that names its shape
        M model = (M) built.get(key);
        if (model == null) {
            model = shape.build(parameters);
            built.put(key, model);
        } else {
            shape.load(model, parameters);
        }
        return model;
    }
}
