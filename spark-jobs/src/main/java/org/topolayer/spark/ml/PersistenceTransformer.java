package org.topolayer.spark.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.topolayer.compute.FiltrationSpec;
import org.topolayer.limits.MemoryBudget;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.PrimeField;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.persistence.SampleFeaturizer;

/**
 * Spark ML transformer: an input column of samples ({@code array<double>} or an ML {@code Vector},
 * row-major in {@link #shape()}) to an output column of diagrams,
 * {@code array<struct<dim:int,birth:double,death:double>>} as written by the persistence job.
 * Params: inputCol, outputCol (default "diagrams"), filtration (sublevel, superlevel, cubical, cubical-superlevel, rips, alpha,
 * alpha-exact;
 * default sublevel), maxDim (default 1), shape (default: a 1-D signal, or n×1 points), threshold
 * (Rips; default none), coeff (Rips: the prime p of the coefficients Z/p, below 2¹⁵; default 2),
 * handleInvalid (error, keep or skip; default error). Each sample goes through the
 * persistence job's per-sample function ({@link SampleFeaturizer#diagrams}): the same checks, memory
 * estimate (against 80 % of the executor's heap) and computation. Saves and loads with its params.
 */
public final class PersistenceTransformer extends ColumnTransformer<PersistenceTransformer> {
    private static final long serialVersionUID = 1L;
    /** The diagrams column type (the contract shared with the persistence job). */
    public static final ArrayType DIAGRAMS = DataTypes.createArrayType(new StructType()
            .add("dim", DataTypes.IntegerType, false).add("birth", DataTypes.DoubleType, false)
            .add("death", DataTypes.DoubleType, false), false);

    private final Param<String> filtration;
    private final IntParam maxDim;
    private final IntArrayParam shape;
    private final DoubleParam threshold;
    private final IntParam coeff;
    private final Param<String> handleInvalid;

    public PersistenceTransformer() {
        this(Identifiable$.MODULE$.randomUID("persistence"));
    }

    public PersistenceTransformer(String uid) {
        super(uid, "column of samples (array<double> or Vector)", "column of diagrams to add");
        this.filtration = new Param<>(this, "filtration",
            "sublevel, superlevel, cubical or cubical-superlevel (grids), rips, alpha or alpha-exact (points)",
            ParamValidators.inArray(FiltrationSpec.ARRAY_NAMES.toArray(new String[0])));
        this.maxDim = new IntParam(this, "maxDim", "highest homology dimension",
            ParamValidators.gtEq(0));
        this.shape = new IntArrayParam(this, "shape",
            "shape of every sample: [H, W] for images, [n, d] for points; empty: 1-D");
        this.threshold = new DoubleParam(this, "threshold", "Rips threshold (> 0; infinite: none)",
            ParamValidators.gt(0));
        this.coeff = new IntParam(this, "coeff", "Rips only: coefficients in Z/p, p a prime below 32768"
            + " (the other filtrations are Z/2 only)", ParamValidators.inRange(2, PrimeField.LIMIT - 1));
        this.handleInvalid = new Param<>(this, "handleInvalid", "a bad sample (null, NaN, wrong size, over the"
            + " memory budget): error (fail, naming it), keep (null diagrams) or skip (drop the row)",
            ParamValidators.inArray(new String[] {"error", "keep", "skip"}));
        setDefault(outputCol(), "diagrams");
        setDefault(handleInvalid, "error");
        setDefault(filtration, "sublevel");
        setDefault(maxDim, (Object) 1);
        setDefault(shape, new int[0]);
        setDefault(threshold, (Object) Double.POSITIVE_INFINITY);
        setDefault(coeff, (Object) 2);
    }

    public Param<String> filtration() {
        return filtration;
    }

    public IntParam maxDim() {
        return maxDim;
    }

    public IntArrayParam shape() {
        return shape;
    }

    public DoubleParam threshold() {
        return threshold;
    }

    public IntParam coeff() {
        return coeff;
    }

    public Param<String> handleInvalid() {
        return handleInvalid;
    }

    public PersistenceTransformer setHandleInvalid(String value) {
        return (PersistenceTransformer) set(handleInvalid, value);
    }

    public PersistenceTransformer setFiltration(String value) {
        return (PersistenceTransformer) set(filtration, value);
    }

    public PersistenceTransformer setMaxDim(int value) {
        return (PersistenceTransformer) set(maxDim, (Object) value);
    }

    public PersistenceTransformer setShape(int... value) {
        return (PersistenceTransformer) set(shape, value);
    }

    public PersistenceTransformer setThreshold(double value) {
        return (PersistenceTransformer) set(threshold, (Object) value);
    }

    /** @throws IllegalArgumentException when {@code value} is not a prime below 2¹⁵ */
    public PersistenceTransformer setCoeff(int value) {
        PrimeField.of(value);
        return (PersistenceTransformer) set(coeff, (Object) value);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        DataType type = inputType(schema);
        boolean numbers = type instanceof ArrayType a && a.elementType() instanceof NumericType;
        if (!numbers && !(type instanceof VectorUDT)) {
            throw wrongInputType(type, "array<double> or ML Vector");
        }
        return withOutput(schema, DIAGRAMS);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType schema = transformSchema(dataset.schema());
        DataType type = dataset.schema().apply($(inputCol())).dataType();
        Column values = type instanceof VectorUDT ? org.apache.spark.ml.functions.vector_to_array(col($(inputCol())),
                "float64") : col($(inputCol())).cast(DataTypes.createArrayType(DataTypes.DoubleType));
        List<FiltrationSpec> spec = List.of(FiltrationSpec.named($(filtration), (Integer) $(maxDim), (Double) $(threshold))
                .withCoefficients((Integer) $(coeff)));
        int[] sampleShape = $(shape);
        boolean fail = $(handleInvalid).equals("error");
        UDF1<scala.collection.Seq<Double>, List<Row>> diagrams = seq -> {
            double[] v = seq == null ? null : new double[seq.size()];
            for (int i = 0; v != null && i < v.length; i++) {
                Double x = seq.apply(i);
                v[i] = x == null ? Double.NaN : x;
            }
            int[] s = sampleShape.length > 0 || v == null ? sampleShape : new int[] {v.length};
            try {
                // the persistence job's per-sample function: the same checks, estimate and computation
                return rows(SampleFeaturizer.diagrams(spec, new Sample(0, null, v, s), MemoryBudget.ofHeap())[0]);
            } catch (IllegalArgumentException e) {
                if (fail) {
                    throw new IllegalArgumentException("PersistenceTransformer: bad sample: " + e.getMessage()
                            + " (setHandleInvalid(\"keep\") or (\"skip\") passes it)", e);
                }
                return null;
            }
        };
        Dataset<Row> out = dataset.withColumn($(outputCol()), udf(diagrams, DIAGRAMS).apply(values),
                schema.apply($(outputCol())).metadata());
        return $(handleInvalid).equals("skip") ? out.filter(col($(outputCol())).isNotNull()) : out;
    }

    private static List<Row> rows(PersistenceDiagrams diagrams) {
        List<Row> out = new ArrayList<>();
        for (Diagram d : diagrams) {
            for (int i = 0; i < d.size(); i++) {
                out.add(RowFactory.create(d.dimension(), d.birth(i), d.death(i)));
            }
        }
        return out;
    }

    public static MLReader<PersistenceTransformer> read() {
        return new DefaultParamsReader<>();
    }

    public static PersistenceTransformer load(String path) {
        return read().load(path);
    }
}
