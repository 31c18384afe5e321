package org.topolayer.layer;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.topolayer.persistence.Diagram;

/**
 * The result of a batched forward pass: one {@link DiagramTape} per sample, and how the batch was
 * given (one stacked [B, ...] array or a list of samples) so gradients come back the same way.
 * INDArray diagrams are made only on request, keeping ND4J off the per-sample path.
 */
public final class BatchOutput {
    private final DiagramTape[] tapes;
    private final long[][] sampleShapes;
    private final long[] stackedShape;
    private final DataType dataType;

    BatchOutput(DiagramTape[] tapes, long[][] sampleShapes, long[] stackedShape, DataType dataType) {
        this.tapes = tapes;
        this.sampleShapes = sampleShapes;
        this.stackedShape = stackedShape;
        this.dataType = dataType.isFPType() ? dataType : DataType.DOUBLE;
    }

    public int size() {
        return tapes.length;
    }

    public DiagramTape tape(int sample) {
        return tapes[sample];
    }

    /** The H{@code dimension} diagram of one sample, n×2. */
    public INDArray diagram(int sample, int dimension) {
        DiagramTape tape = tapes[sample];
        if (dimension < 0 || dimension > tape.maxDimension()) {
            throw new IllegalArgumentException("no H" + dimension + " diagram: dimensions 0.." + tape.maxDimension()
                    + " were computed");
        }
        Diagram d = tape.diagrams().get(dimension);
        return NdArrays.bars(d.births(), d.deaths(), dataType);
    }

    /** True when the batch was one [B, ...] array (so its gradient is one array too). */
    public boolean isStacked() {
        return stackedShape != null;
    }

    long[] stackedShape() {
        return stackedShape.clone();
    }

    long[] sampleShape(int sample) {
        return sampleShapes[sample];
    }

    DataType dataType() {
        return dataType;
    }

    @Override
    public String toString() {
        return "BatchOutput[" + tapes.length + " samples" + (isStacked() ? ", shape " + Arrays.toString(stackedShape) : "")
                + "]";
    }
}
