package org.topolayer.io;

import java.io.IOException;
import java.io.Writer;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.representatives.Chain;
import org.topolayer.persistence.representatives.RepresentedDiagrams;

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
 *
 * <p>With representatives, the document also has {@code "representative_kind"} ({@code "cycle"}
 * or {@code "cocycle"}) and {@code "modulus"} (the prime p) after {@code "maxdim"}, and each
 * dimension a list {@code "representatives"} parallel to its bars, one
 * {@code {"simplices": [[0, 3], [3, 7], [0, 7]], "coefficients": [1, 1, 1]}} per bar: vertex ids
 * ascending, coefficients in (−p/2, p/2] (all 1 over Z/2).
 */
public final class JsonDiagramWriter implements DiagramWriter {
    private final String filtration;

    /** @param filtration the filtration's name, recorded in the document */
    public JsonDiagramWriter(String filtration) {
        this.filtration = filtration;
    }

    @Override
    public void write(PersistenceDiagrams diagrams, Writer out) throws IOException {
        write(diagrams, null, out);
    }

    @Override
    public void write(RepresentedDiagrams diagrams, Writer out) throws IOException {
        write(diagrams.diagrams(), diagrams, out);
    }

    private void write(PersistenceDiagrams diagrams, RepresentedDiagrams represented, Writer out) throws IOException {
        out.write("{\n  \"filtration\": " + Json.string(filtration) + ",\n");
        out.write("  \"superlevel\": " + diagrams.isSuperlevel() + ",\n");
        out.write("  \"maxdim\": " + diagrams.maxDimension() + ",\n");
        if (represented != null) {
            out.write("  \"representative_kind\": " + Json.string(represented.kind().singular()) + ",\n");
            out.write("  \"modulus\": " + represented.modulus() + ",\n");
        }
        out.write("  \"diagrams\": [");
        for (Diagram diagram : diagrams) {
            out.write(diagram.dimension() == 0 ? "\n" : ",\n");
            out.write("    {\"dim\": " + diagram.dimension() + ", \"bars\": [");
            for (int i = 0; i < diagram.size(); i++) {
                out.write((i == 0 ? "[" : ", [") + value(diagram.birth(i)) + ", " + value(diagram.death(i)) + "]");
            }
            out.write("]");
            if (represented != null) {
                out.write(",\n     \"representatives\": [");
                for (int i = 0; i < diagram.size(); i++) {
                    out.write((i == 0 ? "" : ",\n       ") + chain(represented.representative(diagram.dimension(), i)));
                }
                out.write("]");
            }
            out.write("}");
        }
        out.write("\n  ]\n}\n");
    }

    private static String chain(Chain chain) {
        StringBuilder simplices = new StringBuilder("{\"simplices\": [");
        StringBuilder coefficients = new StringBuilder("\"coefficients\": [");
        for (int i = 0; i < chain.size(); i++) {
            simplices.append(i == 0 ? "[" : ", [");
            int[] simplex = chain.simplex(i);
            for (int k = 0; k < simplex.length; k++) {
                simplices.append(k == 0 ? "" : ", ").append(simplex[k]);
            }
            simplices.append(']');
            coefficients.append(i == 0 ? "" : ", ").append(chain.signedCoefficient(i));
        }
        return simplices.append("], ").append(coefficients).append("]}").toString();
    }

    private static String value(double v) {
        String text = ValueText.of(v);
        return Double.isInfinite(v) ? Json.string(text) : text;
    }
}
