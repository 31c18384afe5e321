package org.topolayer.nn;

/**
 * A classifier of fixed-length inputs (flattened images, feature vectors) into
 * {@link #numClasses()} classes whose cross-entropy loss can be differentiated with respect to
 * the input: what a gradient attack, a saliency map or an inception-style score needs.
 *
 * <p>Inputs are rows of {@code double}s; every method takes a batch (one row per sample) and
 * treats the samples independently. Implementations need not be thread-safe (ND4J networks are
 * not): use one instance per thread.
 */
public interface DifferentiableClassifier {

    /** Length of one input row. */
    int inputSize();

    int numClasses();

    /** Class probabilities (softmax), one row of {@link #numClasses()} per input row. */
    double[][] probabilities(double[][] inputs);

    /**
     * The cross-entropy loss −log p(label | x) of each input and its gradient d loss / d x (one row
     * per input, like the input), plus the probabilities at x.
     *
     * @param labels one class per input, in [0, numClasses)
     */
    LossGradient lossGradient(double[][] inputs, int[] labels);

    /** Per-sample losses, their input gradients, and the class probabilities at the inputs. */
    record LossGradient(double[] losses, double[][] gradients, double[][] probabilities) {
        /** The most probable class of each input. */
        public int[] predictions() {
            return argmax(probabilities);
        }
    }

    /** The most probable class of each input. */
    default int[] predict(double[][] inputs) {
        return argmax(probabilities(inputs));
    }

    /** Fraction of inputs predicted as their label. */
    default double accuracy(double[][] inputs, int[] labels) {
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + labels.length + " labels");
        }
        if (inputs.length == 0) {
            return Double.NaN;
        }
        int[] predicted = predict(inputs);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }

    /** Index of the largest entry of each row (the first on ties). */
    static int[] argmax(double[][] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int best = 0;
            for (int j = 1; j < rows[i].length; j++) {
                if (rows[i][j] > rows[i][best]) {
                    best = j;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
