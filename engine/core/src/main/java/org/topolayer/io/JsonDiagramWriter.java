package org.topolayer.io;

import java.io.IOException;
import java.io.Writer;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * Diagrams as one JSON document:
 * <pre>{@code
 * {
 *   "filtration": "levelset",
 *   "superlevel": false,
 *   "maxdim": 1,
 *   "diagrams": [
 *     {"dim": 0, "bars": [[0.0, 1.5], [0.0, "inf"]]},
 *     {"dim": 1, "bars": []}
 *   ]
 * }
 * }</pre>
 * {@code diagrams} has one entry per dimension 0..maxdim, in order, even when a dimension has no
 * bars. Each bar is {@code [birth, death]}; finite values are JSON numbers in full precision
 * ({@code Double.toString}, e.g. {@code 1.0E-5}); an essential bar's death is the string
 * {@code "inf"}, or {@code "-inf"} for superlevel filtrations (JSON has no infinity, and a string
 * keeps the sign that {@code null} would lose). Bars are in {@link Diagram}'s order, by birth then
 * death, and zero-length bars are absent.
 */
public final class JsonDiagramWriter implements DiagramWriter {
    private final String filtration;

    /** @param filtration the filtration's name, recorded in the document */
    public JsonDiagramWriter(String filtration) {
        this.filtration = filtration;
    }

    @Override
    public void write(PersistenceDiagrams diagrams, Writer out) throws IOException {
        out.write("{\n  \"filtration\": " + Json.string(filtration) + ",\n");
        out.write("  \"superlevel\": " + diagrams.isSuperlevel() + ",\n");
        out.write("  \"maxdim\": " + diagrams.maxDimension() + ",\n");
        out.write("  \"diagrams\": [");
        for (Diagram diagram : diagrams) {
            out.write(diagram.dimension() == 0 ? "\n" : ",\n");
            out.write("    {\"dim\": " + diagram.dimension() + ", \"bars\": [");
            for (int i = 0; i < diagram.size(); i++) {
                out.write((i == 0 ? "[" : ", [") + value(diagram.birth(i)) + ", " + value(diagram.death(i)) + "]");
            }
            out.write("]}");
        }
        out.write("\n  ]\n}\n");
    }

    private static String value(double v) {
        String text = ValueText.of(v);
        return Double.isInfinite(v) ? Json.string(text) : text;
    }
}
