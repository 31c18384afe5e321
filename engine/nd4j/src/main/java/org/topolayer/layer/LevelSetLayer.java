package org.topolayer.layer;

import org.topolayer.complex.SimplicialComplex;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.LowerStarPersistence;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.PrimeField;

/**
 * TopologyLayer's {@code LevelSetLayer}: lower-star (level-set) persistence of a fixed simplicial
 * complex with one input value per vertex, shape [vertexCount]. Gradient: d(value)/d(f) is 1 at
 * the vertex whose value the simplex takes (ties: the larger vertex id). Uses the general sparse
 * reduction; for grids {@link GridLevelSetLayer} is much faster. Coefficients Z/2 unless given:
 * any prime p &lt; 2¹⁵ ({@link PrimeField}); the field changes which bars exist, not how a bar's
 * values are attributed.
 */
public final class LevelSetLayer extends PersistenceLayer {
    private final SimplicialComplex complex;
    private final LevelSet levelSet;
    private final int modulus;

    public LevelSetLayer(SimplicialComplex complex, int maxDimension, LevelSet levelSet) {
        this(complex, maxDimension, levelSet, 2);
    }

    /**
     * Over Z/p.
     *
     * @param modulus the prime p, 2 ≤ p &lt; 2¹⁵
     * @throws IllegalArgumentException when {@code modulus} is not such a prime
     */
    public LevelSetLayer(SimplicialComplex complex, int maxDimension, LevelSet levelSet, int modulus) {
        super(maxDimension);
        PrimeField.of(modulus); // fail at construction, not at the first forward pass
        this.complex = complex;
        this.levelSet = levelSet;
        this.modulus = modulus;
    }

    /** The prime p of the coefficients Z/p. */
    public int coefficientModulus() {
        return modulus;
    }

    public SimplicialComplex complex() {
        return complex;
    }

    @Override
    protected void checkShape(int[] shape) {
        if (shape.length != 1 || shape[0] != complex.vertexCount()) {
            throw new IllegalArgumentException("this layer takes one value per vertex of its complex, shape ["
                    + complex.vertexCount() + "], got shape " + java.util.Arrays.toString(shape));
        }
    }

    @Override
    protected PersistenceDiagrams compute(double[] input, int[] shape) {
        return LowerStarPersistence.compute(complex, input, maxDimension(), levelSet, modulus);
    }
}
