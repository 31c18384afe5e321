package org.topolayer.spark;

import com.esotericsoftware.kryo.Kryo;
import org.apache.spark.ml.linalg.MatrixUDT;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.serializer.KryoRegistrator;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.topolayer.spark.attack.AdversarialRecord;
import org.topolayer.spark.io.ImageChunk;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.persistence.DiagramRecord;
import org.topolayer.spark.train.ClassifierSample;
import org.topolayer.spark.train.ExactSum;

/**
 * Registers every type the jobs ship through Kryo (parallelized chunks, broadcast parameters,
 * collected results), so that {@code spark.kryo.registrationRequired=true} holds: the jobs' own
 * types, and the Spark SQL types that Spark itself leaves unregistered (Parquet write task results
 * carry the schema, ML vectors and matrices included).
 */
public final class TopoKryoRegistrator implements KryoRegistrator {
    /**
     * Spark internals (package-private classes, Scala objects) that Spark leaves unregistered and
     * MLlib's logistic regression after our transformers ships (summaries, aggregators, broadcasts).
     */
    private static final String[] SPARK_INTERNALS = {
        "org.apache.spark.ml.optim.aggregator.MultinomialLogisticBlockAggregator",
        "org.apache.spark.storage.BroadcastBlockId",
        "org.apache.spark.broadcast.TorrentBroadcast",
        "org.apache.spark.ml.optim.aggregator.BinaryLogisticBlockAggregator",
        "org.apache.spark.ml.stat.MultiClassSummarizer",
        "org.apache.spark.ml.stat.SummaryBuilderImpl$Count$",
        "org.apache.spark.ml.stat.SummaryBuilderImpl$Std$",
        "org.apache.spark.ml.stat.SummaryBuilderImpl$Mean$",
        "org.apache.spark.ml.stat.SummaryBuilderImpl$ComputeWeightSum$",
        "org.apache.spark.ml.stat.SummaryBuilderImpl$ComputeMean$",
        "org.apache.spark.ml.stat.SummaryBuilderImpl$ComputeM2n$",
        "org.apache.spark.ml.stat.SummarizerBuffer",
    };

    @Override
    public void registerClasses(Kryo kryo) {
        for (String name : SPARK_INTERNALS) {
            try {
                kryo.register(Class.forName(name, false, TopoKryoRegistrator.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Spark class " + name + " is missing: the jobs need Spark (with MLlib) "
                        + org.apache.spark.package$.MODULE$.SPARK_VERSION() + " on the classpath", e);
            }
        }
        kryo.register(ArrayType.class);
        for (DataType type : new DataType[] {DataTypes.BooleanType, DataTypes.ByteType, DataTypes.ShortType,
            DataTypes.IntegerType, DataTypes.LongType, DataTypes.FloatType, DataTypes.DoubleType,
            DataTypes.StringType, DataTypes.BinaryType, DataTypes.DateType, DataTypes.TimestampType}) {
            kryo.register(type.getClass());
        }
        kryo.register(VectorUDT.class);
        kryo.register(MatrixUDT.class);
        kryo.register(double[].class);
        kryo.register(double[][].class);
        kryo.register(float[].class);
        kryo.register(float[][].class);
        kryo.register(byte[].class);
        kryo.register(int[].class);
        kryo.register(int[][].class);
        kryo.register(long[].class);
        kryo.register(ImageChunk.class);
        kryo.register(Sample.class);
        kryo.register(Sample[].class);
        kryo.register(DiagramRecord.class);
        kryo.register(String[].class);
        kryo.register(AdversarialRecord.class);
        kryo.register(ExactSum.class);
        kryo.register(ClassifierSample.class);
    }
}
