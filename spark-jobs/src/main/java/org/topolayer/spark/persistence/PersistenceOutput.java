package org.topolayer.spark.persistence;

import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.topolayer.compute.FiltrationSpec;

/**
 * The persistence job's output schema: {@code id}, {@code label}, one {@code diagrams_<filtration>}
 * column of {@code array<struct<dim:int,birth:double,death:double>>} per filtration, {@code features}
 * ({@code array<double>}). Bad samples are not in it: they fail the job or go to {@code _rejected}.
 */
public final class PersistenceOutput {
    private PersistenceOutput() {}

    public static Dataset<Row> toTable(Dataset<DiagramRecord> records, List<FiltrationSpec> filtrations) {
        List<Column> columns = new ArrayList<>(List.of(col("id"), col("label")));
        for (int f = 0; f < filtrations.size(); f++) {
            columns.add(arrays_zip(col("dims").getItem(f).as("dim"), col("births").getItem(f).as("birth"),
                    col("deaths").getItem(f).as("death")).as("diagrams_" + filtrations.get(f).name()));
        }
        columns.add(col("features"));
        return records.select(columns.toArray(Column[]::new));
    }
}
