package org.topolayer.spark.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.topolayer.features.FeatureVector;
import org.topolayer.spark.persistence.ShippedFeatures;

/**
 * Spark ML transformer: a diagrams column ({@code array<struct<dim,birth,death>>}, from
 * {@link PersistenceTransformer} or the persistence job's Parquet) to an ML {@code Vector} of
 * features, ready for MLlib estimators. Params: inputCol (default "diagrams"), outputCol (default
 * "features"), features (specs in the engine's syntax, default topk:dim=0,k=8 and topk:dim=1,k=8).
 * Saves and loads with its params.
 */
public final class DiagramFeaturizer extends ColumnTransformer<DiagramFeaturizer> {
    private static final long serialVersionUID = 1L;
    private final StringArrayParam features;

    public DiagramFeaturizer() {
        this(Identifiable$.MODULE$.randomUID("diagramFeaturizer"));
    }

    public DiagramFeaturizer(String uid) {
        super(uid, "column of diagrams", "column of feature vectors to add");
        this.features = new StringArrayParam(this, "features",
            "feature specs, e.g. topk:dim=1,k=4 or landscape:dim=1,levels=2,min=0,max=1,steps=16");
        setDefault(inputCol(), "diagrams");
        setDefault(outputCol(), "features");
        setDefault(features, new String[] {"topk:dim=0,k=8", "topk:dim=1,k=8"});
    }

    public StringArrayParam features() {
        return features;
    }

    public DiagramFeaturizer setFeatures(String... value) {
        return (DiagramFeaturizer) set(features, value);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        DataType type = inputType(schema);
        if (!PersistenceTransformer.DIAGRAMS.sameType(type)) {
            throw wrongInputType(type, "array<struct<dim:int,birth:double,death:double>>");
        }
        try {
            new ShippedFeatures(Arrays.asList($(features)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DiagramFeaturizer: " + e.getMessage(), e);
        }
        return withOutput(schema, new VectorUDT());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        ShippedFeatures shipped = new ShippedFeatures(Arrays.asList($(features)));
        UDF1<scala.collection.Seq<Row>, Vector> featurize = bars -> Vectors.dense(shipped.vector().of(new StructBars(
                scala.jdk.javaapi.CollectionConverters.asJava(bars))));
        return dataset.withColumn($(outputCol()), udf(featurize, new VectorUDT()).apply(col($(inputCol()))));
    }

    /** Bars of one dimension from the struct rows. */
    private record StructBars(List<Row> rows) implements FeatureVector.Bars {
        @Override
        public double[] births(int dimension) {
            return rows.stream().filter(r -> r.getInt(0) == dimension).mapToDouble(r -> r.getDouble(1)).toArray();
        }

        @Override
        public double[] deaths(int dimension) {
            return rows.stream().filter(r -> r.getInt(0) == dimension).mapToDouble(r -> r.getDouble(2)).toArray();
        }
    }

    public static MLReader<DiagramFeaturizer> read() {
        return new DefaultParamsReader<>();
    }

    public static DiagramFeaturizer load(String path) {
        return read().load(path);
    }
}
