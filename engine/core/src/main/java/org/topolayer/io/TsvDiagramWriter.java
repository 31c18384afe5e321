package org.topolayer.io;

import java.io.IOException;
import java.io.Writer;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.representatives.Chain;
import org.topolayer.persistence.representatives.RepresentedDiagrams;

/**
 * The TSV diagram format of docs/design.md §4: one bar per line, {@code dim<TAB>birth<TAB>death},
 * values via {@code Double.toString}, essential deaths as {@code inf} or {@code -inf}, sorted by
 * dimension, then birth, then death; no header. The order and the absence of zero-length bars
 * are those of {@link Diagram}, which guarantees both.
 *
 * <p>With representatives, a fourth field holds the bar's chain ({@link #chainText}): simplices
 * separated by {@code ;}, each its vertex ids joined by {@code -} ({@code 0-3;3-7;0-7}); over Z/p
 * with p ≠ 2 each simplex is prefixed by its coefficient in (−p/2, p/2] and {@code *}
 * ({@code 1*0-3;-1*3-7}).
 */
public final class TsvDiagramWriter implements DiagramWriter {
    @Override
    public void write(PersistenceDiagrams diagrams, Writer out) throws IOException {
        write(diagrams, null, out);
    }

    @Override
    public void write(RepresentedDiagrams diagrams, Writer out) throws IOException {
        write(diagrams.diagrams(), diagrams, out);
    }

    private static void write(PersistenceDiagrams diagrams, RepresentedDiagrams represented, Writer out)
            throws IOException {
        for (Diagram diagram : diagrams) {
            for (int i = 0; i < diagram.size(); i++) {
                out.write(diagram.dimension() + "\t" + ValueText.of(diagram.birth(i)) + "\t"
                        + ValueText.of(diagram.death(i)));
                if (represented != null) {
                    out.write("\t" + chainText(represented.representative(diagram.dimension(), i)));
                }
                out.write("\n");
            }
        }
    }

    /** The representative field: {@code 0-3;3-7;0-7} over Z/2, {@code 1*0-3;-1*3-7} over Z/p. */
    public static String chainText(Chain chain) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            if (chain.modulus() != 2) {
                sb.append(chain.signedCoefficient(i)).append('*');
            }
            int[] simplex = chain.simplex(i);
            for (int k = 0; k < simplex.length; k++) {
                sb.append(k == 0 ? "" : "-").append(simplex[k]);
            }
        }
        return sb.toString();
    }
}
