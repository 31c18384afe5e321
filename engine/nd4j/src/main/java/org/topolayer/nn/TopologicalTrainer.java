package org.topolayer.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.learning.config.IUpdater;
import org.topolayer.loss.TopologicalLoss;

/**
 * Trains a SameDiff graph with a topological loss on one of its variables h, using ND4J's own
 * updaters (Adam, SGD, …). SameDiff has no working custom-gradient op, so each step computes the
 * loss L(h) and g = dL/dh outside the graph, feeds g through a placeholder, and minimises the
 * surrogate Σ h·g (plus any other loss terms of the graph): its gradient with respect to the
 * parameters is exactly dL/dθ by the chain rule (docs/design.md §5; checked against finite
 * differences in the tests). The surrogate's value is not L: {@link #step} returns L itself.
 *
 * <p>Not thread-safe (SameDiff training is not). One trainer per graph.
 */
public final class TopologicalTrainer {
    private final SameDiff graph;
    private final SDVariable output;
    private final TopologicalLoss loss;
    private final boolean batched;
    private final List<String> inputs;
    private final SDVariable surrogate;
    private final String gradientPlaceholder;

    /**
     * Adds the gradient placeholder and the surrogate term to {@code graph} and configures its training.
     *
     * @param output     the variable the topological loss reads (a sample, or [B, ...] when batched)
     * @param batched    whether output's first axis indexes independent samples (the loss is summed over them)
     * @param inputs     the graph's input placeholders, in the order {@link #step} feeds them
     * @param otherLosses further loss variables of the graph, minimised together with the topological loss
     */
    public TopologicalTrainer(SameDiff graph, SDVariable output, TopologicalLoss loss, boolean batched,
                              IUpdater updater, List<String> inputs, SDVariable... otherLosses) {
        this.graph = graph;
        this.output = output;
        this.loss = loss;
        this.batched = batched;
        this.inputs = List.copyOf(inputs);
        SDVariable gradient = graph.placeHolder(output.name() + "_topological_gradient", output.dataType(),
                output.getShape());
        this.gradientPlaceholder = gradient.name();
        this.surrogate = output.mul(gradient).sum().rename(output.name() + "_topological_surrogate");
        List<String> lossNames = new ArrayList<>();
        lossNames.add(surrogate.name());
        for (SDVariable v : otherLosses) {
            lossNames.add(v.name());
        }
        graph.setLossVariables(lossNames.toArray(String[]::new));
        List<String> features = new ArrayList<>(inputs);
        features.add(gradient.name());
        graph.setTrainingConfig(TrainingConfig.builder().updater(updater).dataSetFeatureMapping(features)
                .markLabelsUnused().build());
    }

    /** The surrogate Σ h·g (for graphs that combine losses themselves). */
    public SDVariable surrogate() {
        return surrogate;
    }

    /** The topological loss of the current output, without training. */
    public double loss(Map<String, INDArray> inputValues) {
        return evaluate(graph.outputSingle(inputValues, output.name())).value;
    }

    /**
     * One update of the parameters: forward, topological loss and dL/dh outside the graph, one
     * updater step on the surrogate. Returns the topological loss before the update.
     *
     * @param inputValues a value for every input placeholder named at construction
     */
    public double step(Map<String, INDArray> inputValues) {
        INDArray h = graph.outputSingle(inputValues, output.name());
        Evaluation e = evaluate(h);
        INDArray[] features = new INDArray[inputs.size() + 1];
        for (int i = 0; i < inputs.size(); i++) {
            features[i] = inputValues.get(inputs.get(i));
            if (features[i] == null) {
                throw new IllegalArgumentException("no value for input placeholder '" + inputs.get(i) + "'");
            }
        }
        features[inputs.size()] = e.gradient;
        graph.fit(new MultiDataSet(features, new INDArray[0]));
        return e.value;
    }

    /**
     * d(training loss)/d(parameter) for the named variables without updating them: the topological
     * loss through the surrogate, plus the graph's other losses.
     */
    public Map<String, INDArray> gradients(Map<String, INDArray> inputValues, String... parameters) {
        Map<String, INDArray> placeholders = new HashMap<>(inputValues);
        placeholders.put(gradientPlaceholder, evaluate(graph.outputSingle(inputValues, output.name())).gradient);
        return graph.calculateGradients(placeholders, parameters);
    }

    private Evaluation evaluate(INDArray h) {
        if (batched) {
            TopologicalLoss.Nd4jBatchResult r = loss.evaluateBatch(h);
            double sum = 0;
            for (double v : r.values()) {
                sum += v;
            }
            return new Evaluation(sum, r.gradient());
        }
        TopologicalLoss.Nd4jResult r = loss.evaluate(h);
        return new Evaluation(r.value(), r.gradient());
    }

    private record Evaluation(double value, INDArray gradient) {}
}
