package org.topolayer.spark.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;

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
                        .cast(DataTypes.createArrayType(DataTypes.IntegerType))
                : lit(null).cast(DataTypes.createArrayType(DataTypes.IntegerType));
        Column id = columns.id() != null ? existing(table, columns.id(), "--id-column").cast("long")
                : monotonically_increasing_id();
        Column label = columns.label() != null ? existing(table, columns.label(), "--label-column").cast("int")
                : lit(null).cast("int");
        return table.select(id.as("id"), label.as("label"), values.as("values"), shape.as("shape"),
                lit(null).cast("string").as("error")).as(Encoders.bean(Sample.class));
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
            return c.cast(DataTypes.createArrayType(DataTypes.DoubleType));
        }
        if (type instanceof VectorUDT) {
            return org.apache.spark.ml.functions.vector_to_array(c, "float64");
        }
        if (type.equals(DataTypes.StringType)) {
            return split(trim(c), "[\\s,;]+").cast(DataTypes.createArrayType(DataTypes.DoubleType));
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
