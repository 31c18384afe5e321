package org.topolayer.layer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * The result of {@link PersistenceLayer#forward(INDArray)}: the diagrams as n×2 INDArrays (one per
 * homology dimension, rows (birth, death), essential deaths ±∞) and the attribution that
 * {@link PersistenceLayer#backward} follows. Also records the input's shape and type so the
 * gradient comes back like the input.
 */
public final class LayerOutput {
    private final DiagramTape tape;
    private final long[] inputShape;
    private final DataType dataType;

    LayerOutput(DiagramTape tape, INDArray input) {
        this.tape = tape;
        this.inputShape = input.shape();
        this.dataType = input.dataType().isFPType() ? input.dataType() : DataType.DOUBLE;
    }

    /** The H{@code dimension} diagram, n×2, in the input's floating-point type. */
    public INDArray diagram(int dimension) {
        if (dimension < 0 || dimension > tape.maxDimension()) {
            throw new IllegalArgumentException("no H" + dimension + " diagram: dimensions 0.." + tape.maxDimension()
                    + " were computed");
        }
        Diagram d = tape.diagrams().get(dimension);
        return NdArrays.bars(d.births(), d.deaths(), dataType);
    }

    /** Diagrams with attribution (which input entries each birth and death comes from). */
    public PersistenceDiagrams diagrams() {
        return tape.diagrams();
    }

    public DiagramTape tape() {
        return tape;
    }

    long[] inputShape() {
        return inputShape.clone();
    }

    DataType dataType() {
        return dataType;
    }
}
