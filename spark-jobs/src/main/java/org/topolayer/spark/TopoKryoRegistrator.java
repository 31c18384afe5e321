package org.topolayer.spark;

import com.esotericsoftware.kryo.Kryo;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.serializer.KryoRegistrator;
import org.apache.spark.sql.types.ArrayType;
import org.topolayer.spark.io.ImageChunk;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.persistence.DiagramRecord;

/**
 * Registers every type the jobs ship through Kryo (parallelized chunks, broadcast parameters,
 * collected results), so that {@code spark.kryo.registrationRequired=true} holds: the jobs' own
 * types, and the Spark SQL types that Spark itself leaves unregistered (Parquet write task results
 * carry the schema, ML vectors included).
 */
public final class TopoKryoRegistrator implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(ArrayType.class);
        kryo.register(VectorUDT.class);
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
