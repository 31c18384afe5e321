package org.topolayer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.weightinit.impl.XavierInitScheme;
import org.topolayer.features.SumBarcodeLengths;
import org.topolayer.features.TopKBarcodeLengths;
import org.topolayer.filtration.LevelSet;
import org.topolayer.layer.GridLevelSetLayer;
import org.topolayer.layer.PersistenceLayer;
import org.topolayer.loss.TopologicalLoss;
import org.topolayer.persistence.Diagram;

/** SameDiff training through the placeholder surrogate: gradients against finite differences, and a real training run. */
class TopologicalTrainerTest {

    @ParameterizedTest(name = "batch of {0}")
    @ValueSource(ints = {1, 3})
    void surrogateGivesTheChainRuleGradient(int batch) {
        Nd4j.getRandom().setSeed(3);
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.placeHolder("z", DataType.DOUBLE, batch, 8);
        SDVariable w = sd.var("w", new XavierInitScheme('c', 8, 36), DataType.DOUBLE, 8, 36);
        // one sample is an unbatched 6×6 output; several are a [B, 6, 6] batch whose losses add up
        SDVariable h = batch == 1 ? sd.math().tanh(z.mmul(w)).reshape(6, 6) : sd.math().tanh(z.mmul(w)).reshape(batch, 6, 6);
        PersistenceLayer image = GridLevelSetLayer.image(1, LevelSet.SUBLEVEL);
        TopologicalLoss loss = TopologicalLoss.of(List.of(new TopologicalLoss.Term(image, new TopKBarcodeLengths(0, 3), 1),
                new TopologicalLoss.Term(image, new SumBarcodeLengths(1), -2)));
        TopologicalTrainer trainer = new TopologicalTrainer(sd, h, loss, batch > 1, new Sgd(0.1), List.of("z"));
        Map<String, INDArray> in = Map.of("z", Nd4j.rand(DataType.DOUBLE, batch, 8));
        INDArray analytic = trainer.gradients(in, "w").get("w");
        INDArray weights = sd.getVariable("w").getArr();
        double step = 1e-6;
        for (int k = 0; k < 288; k += 7) {
            double original = weights.getDouble(k);
            weights.putScalar(k, original + step);
            double plus = trainer.loss(in);
            weights.putScalar(k, original - step);
            double minus = trainer.loss(in);
            weights.putScalar(k, original);
            double numeric = (plus - minus) / (2 * step);
            assertEquals(numeric, analytic.getDouble(k), 1e-6 * Math.max(1, Math.abs(numeric)), "dL/dw[" + k + "]");
        }
    }

    @Test
    void trainsAGeneratorFromManyComponentsToOne() {
        Nd4j.getRandom().setSeed(11);
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.placeHolder("z", DataType.FLOAT, 1, 16);
        SDVariable w = sd.var("w", new XavierInitScheme('c', 16, 784), DataType.FLOAT, 16, 784);
        SDVariable b = sd.zero("b", DataType.FLOAT, 1, 784);
        SDVariable image = sd.nn().sigmoid(z.mmul(w).add(b)).reshape(28, 28);
        // superlevel H0: the finite bars are the components that merge into the brightest one
        PersistenceLayer layer = GridLevelSetLayer.image(0, LevelSet.SUPERLEVEL);
        TopologicalTrainer trainer = new TopologicalTrainer(sd, image, TopologicalLoss.of(layer, new SumBarcodeLengths(0)),
                false, new Adam(0.05), List.of("z"));
        Map<String, INDArray> in = Map.of("z", Nd4j.rand(DataType.FLOAT, 1, 16).muli(4).subi(2));

        int before = components(layer, sd.outputSingle(in, image.name()));
        assertTrue(before >= 5, "a random generator starts with many components, got " + before);
        double first = trainer.loss(in);
        int steps = 0;
        while (components(layer, sd.outputSingle(in, image.name())) > 1 && steps < 400) {
            trainer.step(in);
            steps++;
        }
        assertEquals(1, components(layer, sd.outputSingle(in, image.name())), "one component after " + steps + " steps");
        assertTrue(trainer.loss(in) < 0.1 * first, "loss fell from " + first + " to " + trainer.loss(in));
    }

    /** Components of the superlevel sets that persist longer than 0.02. */
    private static int components(PersistenceLayer layer, INDArray image) {
        Diagram h0 = layer.forward(image).diagrams().get(0);
        int n = 0;
        for (int i = 0; i < h0.size(); i++) {
            n += h0.persistence(i) > 0.02 ? 1 : 0;
        }
        return n;
    }
}
