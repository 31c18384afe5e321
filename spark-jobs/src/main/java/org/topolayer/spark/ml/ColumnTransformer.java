package org.topolayer.spark.ml;

import java.util.Arrays;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A transformer that reads one column and adds one: the inputCol/outputCol Params with their
 * Java-friendly setters, copying, and the schema checks, whose messages name the transformer, the
 * column, what was found and the fix. Subclasses keep the public {@code (String uid)} constructor
 * that {@code DefaultParamsReader} needs to load them.
 *
 * @param <T> the subclass, so that setters chain with its own type
 */
public abstract class ColumnTransformer<T extends ColumnTransformer<T>> extends Transformer
        implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;

    protected ColumnTransformer(String uid, String inputDoc, String outputDoc) {
        this.uid = uid;
        this.inputCol = new Param<>(this, "inputCol", inputDoc);
        this.outputCol = new Param<>(this, "outputCol", outputDoc);
    }

    @Override
    public final String uid() {
        return uid;
    }

    public final Param<String> inputCol() {
        return inputCol;
    }

    public final Param<String> outputCol() {
        return outputCol;
    }

    public final T setInputCol(String value) {
        return self(set(inputCol, value));
    }

    public final T setOutputCol(String value) {
        return self(set(outputCol, value));
    }

    @Override
    public final T copy(ParamMap extra) {
        return self(defaultCopy(extra));
    }

    /** The input column's type; fails if inputCol is unset or names no column. */
    protected final DataType inputType(StructType schema) {
        if (!isDefined(inputCol)) {
            throw new IllegalArgumentException(name() + ": set inputCol (the column to read)");
        }
        String column = $(inputCol);
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException(name() + ": no input column '" + column + "' (columns: "
                    + String.join(", ", schema.fieldNames()) + "); set inputCol");
        }
        return schema.apply(column).dataType();
    }

    /** The schema with the output column added; fails if it exists. */
    protected final StructType withOutput(StructType schema, DataType type) {
        String column = $(outputCol);
        if (Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException(name() + ": output column '" + column
                    + "' already exists; set outputCol to a new name");
        }
        return schema.add(new StructField(column, type, true, Metadata.empty()));
    }

    /** The message for an input column of the wrong type. */
    protected final IllegalArgumentException wrongInputType(DataType found, String wanted) {
        return new IllegalArgumentException(name() + ": input column '" + $(inputCol) + "' is "
                + found.simpleString() + "; give a column of " + wanted);
    }

    protected final String name() {
        return getClass().getSimpleName();
    }

    @SuppressWarnings("unchecked")
    private T self(Object params) {
        return (T) params;
    }
}
