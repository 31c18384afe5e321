package org.topolayer.persistence;

import org.topolayer.complex.SimplicialComplex;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.LevelSet;
import org.topolayer.filtration.ValueModel;

/**
 * Level-set (lower-star) persistence of any simplicial complex with one value per vertex: a
 * simplex enters at the largest value of its vertices, and that vertex carries its gradient
 * (ties: the vertex with the larger id, matching the vertex order (value, id)). Superlevel
 * persistence is the sublevel persistence of −f reported in f's units.
 */
public final class LowerStarPersistence {
    private LowerStarPersistence() {}

    public static PersistenceDiagrams compute(SimplicialComplex complex, double[] vertexValues, int maxDimension,
                                              LevelSet levelSet) {
        return SparseReduction.compute(filtration(complex, vertexValues, maxDimension + 1, levelSet), maxDimension);
    }

    /**
     * As {@link #compute(SimplicialComplex, double[], int, LevelSet)} with coefficients in Z/p
     * (torsion such as a projective plane's shows over Z/2 only).
     *
     * @param modulus the prime p, 2 ≤ p &lt; 2¹⁵ ({@link PrimeField})
     * @throws IllegalArgumentException when {@code modulus} is not such a prime
     */
    public static PersistenceDiagrams compute(SimplicialComplex complex, double[] vertexValues, int maxDimension,
                                              LevelSet levelSet, int modulus) {
        PrimeField field = PrimeField.of(modulus);
        return SparseReduction.compute(filtration(complex, vertexValues, maxDimension + 1, levelSet), maxDimension,
                field);
    }

    /**
     * The lower-star filtration with simplices up to {@code maxSimplexDimension}.
     *
     * @throws IllegalArgumentException if a vertex has no value or a value is NaN or infinite
     */
    public static Filtration filtration(SimplicialComplex complex, double[] vertexValues, int maxSimplexDimension,
                                        LevelSet levelSet) {
        boolean superlevel = levelSet.isSuperlevel();
        if (maxSimplexDimension < 0) {
            throw new IllegalArgumentException("maxdim must be ≥ 0, got " + (maxSimplexDimension - 1));
        }
        if (complex.vertexCount() > vertexValues.length) {
            throw new IllegalArgumentException("vertex " + (complex.vertexCount() - 1) + " has no value: "
                    + vertexValues.length + " values given for " + complex.vertexCount() + " vertices");
        }
        for (int i = 0; i < vertexValues.length; i++) {
            if (!Double.isFinite(vertexValues[i])) {
                throw new IllegalArgumentException("value of vertex " + i + " is " + vertexValues[i]
                        + "; values must be finite");
            }
        }
        double sign = superlevel ? -1 : 1;
        Filtration.Builder b = Filtration.builder(ValueModel.VERTEX_VALUE, superlevel ? -1 : 1);
        for (int id = 0; id < complex.size(); id++) {
            int dim = complex.dimension(id);
            if (dim > maxSimplexDimension) {
                continue;
            }
            int top = complex.vertex(id, 0);
            for (int k = 1; k <= dim; k++) {
                int v = complex.vertex(id, k);
                if (sign * vertexValues[v] >= sign * vertexValues[top]) {
                    top = v; // vertices ascend, so >= picks the larger id on ties
                }
            }
            b.add(complex.vertices(id), sign * vertexValues[top], top);
        }
        return b.build();
    }
}
