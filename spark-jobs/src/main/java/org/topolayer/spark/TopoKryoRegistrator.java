package org.topolayer.spark;

import com.esotericsoftware.kryo.Kryo;
import org.apache.spark.serializer.KryoRegistrator;
import org.topolayer.spark.io.ImageChunk;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.persistence.DiagramRecord;

/**
 * Registers every type the jobs ship through Kryo (parallelized chunks, broadcast parameters,
 * collected results), so that {@code spark.kryo.registrationRequired=true} holds: the jobs' own
 * types, and the Spark SQL internals that Spark itself leaves unregistered (write task results
 * carry schemas and statistics).
 */
public final class TopoKryoRegistrator implements KryoRegistrator {
    /** Spark and Scala classes by name (several are Scala objects or private classes). */
    private static final String[] SPARK_INTERNALS = {
        "org.apache.spark.sql.types.ArrayType",
    };

    @Override
    public void registerClasses(Kryo kryo) {
        for (String name : SPARK_INTERNALS) {
            try {
                kryo.register(Class.forName(name, false, Thread.currentThread().getContextClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Spark class " + name + " not found: is this Spark "
                        + org.apache.spark.package$.MODULE$.SPARK_VERSION() + " the version the jobs were built for?", e);
            }
        }
        kryo.register(double[].class);
        kryo.register(double[][].class);
        kryo.register(float[].class);
        kryo.register(int[].class);
        kryo.register(int[][].class);
        kryo.register(long[].class);
        kryo.register(ImageChunk.class);
        kryo.register(Sample.class);
        kryo.register(DiagramRecord.class);
    }
}
