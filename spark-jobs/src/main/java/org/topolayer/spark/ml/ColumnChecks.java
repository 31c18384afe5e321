package org.topolayer.spark.ml;

import java.util.Arrays;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schema checks shared by the transformers: messages name the column, what was found and the fix. */
final class ColumnChecks {
    private ColumnChecks() {}

    /** The input column's type; fails if the column is absent. */
    static DataType inputType(StructType schema, String column, String transformer) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException(transformer + ": no input column '" + column + "' (columns: "
                    + String.join(", ", schema.fieldNames()) + "); set inputCol");
        }
        return schema.apply(column).dataType();
    }

    /** The schema with the output column added; fails if it exists. */
    static StructType withOutput(StructType schema, String column, DataType type, String transformer) {
        if (Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException(transformer + ": output column '" + column
                    + "' already exists; set outputCol to a new name");
        }
        return schema.add(new StructField(column, type, true, org.apache.spark.sql.types.Metadata.empty()));
    }
}
