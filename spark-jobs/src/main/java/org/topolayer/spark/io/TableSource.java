package org.topolayer.spark.io;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.topolayer.spark.BadJobInputException;

/**
 * A Parquet or CSV table with one sample per row: a values column that is an {@code array} of
 * numbers, an ML {@code Vector}, or (CSV) a string of numbers separated by spaces, commas or
 * semicolons; the shape as a fixed {@code --shape} or an {@code array<int>} column (default: a
 * 1-D signal); optional id and label columns (default id: Spark's row id, stable for a given input).
 * A row whose values, id or shape do not convert (text that is not a number) is a bad sample with
 * the reason, not a failed job; a label that does not convert is null.
 */
public final class TableSource implements SampleSource {
    /** Column choices. */
    public record Columns(String values, String id, String label, String shapeColumn, int[] shape) {}

    private final String format;
    private final String path;
    private final Columns columns;

    public TableSource(String format, String path, Columns columns) {
        this.format = format;
        this.path = path;
        this.columns = columns;
    }

    @Override
    public Dataset<Sample> load(SparkSession spark) {
        Dataset<Row> table = read(spark);
        Column values = asDoubleArray(table, columns.values());
        Column shape = columns.shape() != null ? lit(columns.shape())
                : columns.shapeColumn() != null ? existing(table, columns.shapeColumn(), "--shape-column")
                        .try_cast(DataTypes.createArrayType(DataTypes.IntegerType))
                : lit(null).cast(DataTypes.createArrayType(DataTypes.IntegerType));
        Column id = columns.id() != null ? existing(table, columns.id(), "--id-column").try_cast("long")
                : monotonically_increasing_id();
        Column label = columns.label() != null ? existing(table, columns.label(), "--label-column").try_cast("int")
                : lit(null).cast("int");
        // casts that fail give nulls (not a failed job): each such row becomes a bad sample with the reason
        Column error = when(id.isNull(), "its " + columns.id() + " value is not an integer id")
                .when(exists(values, Column::isNull), "a value of column '" + columns.values() + "' is not a number")
                .when(columns.shapeColumn() != null ? shape.isNull().or(exists(shape, Column::isNull)) : lit(false),
                        "its " + columns.shapeColumn() + " value is not a list of integers");
        return table.select(coalesce(id, lit(-1L)).as("id"), label.as("label"),
                when(error.isNull(), values).as("values"), when(error.isNull(), shape).as("shape"), error.as("error"))
                .as(Encoders.bean(Sample.class));
    }

    private Dataset<Row> read(SparkSession spark) {
        try {
            return "csv".equals(format) ? spark.read().option("header", "true").csv(path) : spark.read().parquet(path);
        } catch (RuntimeException e) {
            throw new BadJobInputException("cannot read " + format + " input " + path + " (" + firstLine(e)
                    + "); check --input and --format");
        }
    }

    private Column asDoubleArray(Dataset<Row> table, String name) {
        Column c = existing(table, name, "--column");
        DataType type = table.schema().apply(name).dataType();
        if (type instanceof ArrayType a && a.elementType() instanceof NumericType) {
            return c.try_cast(DataTypes.createArrayType(DataTypes.DoubleType));
        }
        if (type instanceof VectorUDT) {
            return org.apache.spark.ml.functions.vector_to_array(c, "float64");
        }
        if (type.equals(DataTypes.StringType)) {
            return split(trim(c), "[\\s,;]+").try_cast(DataTypes.createArrayType(DataTypes.DoubleType));
        }
        throw new BadJobInputException("column '" + name + "' of " + path + " is " + type.simpleString()
                + "; give --column a column of array<double>, an ML Vector or a string of numbers");
    }

    private Column existing(Dataset<Row> table, String name, String option) {
        if (!Arrays.asList(table.columns()).contains(name)) {
            throw new BadJobInputException("no column '" + name + "' in " + path + " (columns: "
                    + String.join(", ", Arrays.stream(table.schema().fields()).map(StructField::name).toList())
                    + "); set " + option);
        }
        return col(name);
    }

    private static String firstLine(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public String describe() {
        return format + " " + path + " (column " + columns.values() + ")";
    }
}
