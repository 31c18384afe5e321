package org.topolayer.apps.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.topolayer.nn.AdamOptimizer;
import org.topolayer.nn.MlpNetwork;

/** The generator model and the topological steps on it (weights and latent variants). */
class GeneratorTopologyTest {

    @Test
    void parametersRoundTripAsFlatArraysAndInitIsSeeded() {
        MlpNetwork a = new MlpNetwork(new int[] {5, 7, 3}, MlpNetwork.Output.TANH, 42);
        float[] flat = a.parameters();
        assertEquals(5 * 7 + 7 + 7 * 3 + 3, flat.length);
        assertArrayEquals(flat, new MlpNetwork(new int[] {5, 7, 3}, MlpNetwork.Output.TANH, 42).parameters());
        MlpNetwork b = MlpNetwork.of(a.sizes(), a.outputActivation(), flat);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 5);
        assertArrayEquals(Nd4j.toFlattened(a.output(x)).toFloatVector(), Nd4j.toFlattened(b.output(x)).toFloatVector(), 0f);
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        MlpNetwork net = new MlpNetwork(new int[] {4, 6, 3}, MlpNetwork.Output.TANH, 3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 4).subi(0.5);
        INDArray g = Nd4j.rand(DataType.FLOAT, 2, 3).subi(0.5);
        MlpNetwork.Gradients grads = net.backward(x, g);
        float[] p = net.parameters();
        double h = 1e-2;
        for (int k = 0; k < p.length; k += 3) {
            float original = p[k];
            p[k] = (float) (original + h);
            net.setParameters(p);
            double plus = net.output(x).mul(g).sumNumber().doubleValue();
            p[k] = (float) (original - h);
            net.setParameters(p);
            double minus = net.output(x).mul(g).sumNumber().doubleValue();
            p[k] = original;
            net.setParameters(p);
            assertEquals((plus - minus) / (2 * h), grads.parameters().getDouble(k), 2e-3, "dL/dθ[" + k + "]");
        }
        INDArray xp = x.dup(), xm = x.dup();
        xp.putScalar(1, 2, x.getDouble(1, 2) + h);
        xm.putScalar(1, 2, x.getDouble(1, 2) - h);
        double numeric = (net.output(xp).mul(g).sumNumber().doubleValue() - net.output(xm).mul(g).sumNumber().doubleValue()) / (2 * h);
        assertEquals(numeric, grads.input().getDouble(1, 2), 2e-3, "dL/dx");
    }

    @Test
    void topologicalStepDecreasesTheComponentLossOnAFixedGeneratorBatch() {
        MlpNetwork generator = MlpNetwork.paperGenerator(5);
        MlpNetwork discriminator = MlpNetwork.discriminator(784, 6);
        ComponentPrior prior = new ComponentPrior(28, 28, 0);
        INDArray z = GanTrainer.latent(8, new SplittableRandom(7));
        double first = prior.evaluate(generator.output(z)).mean();
        INDArray params = generator.parameterVector();
        AdamOptimizer adam = new AdamOptimizer(2e-4, 0.5, 0.999);
        for (int step = 0; step < 5; step++) {
            GanTrainer.GeneratorGradient g = GanTrainer.generatorGradient(generator, discriminator, z, prior, 10);
            assertTrue(Double.isFinite(g.ganLoss()) && Double.isFinite(g.topologicalLoss()));
            adam.step(params, g.parameters());
            generator.setParameters(params);
        }
        double last = prior.evaluate(generator.output(z)).mean();
        assertTrue(last < 0.7 * first, "E(1,0,2;PD0) went from " + first + " to " + last);
    }

    @Test
    void topologyStepMovesOnlyTheGeneratorAndLowersTheLossItMinimises() {
        double[][] images = new double[32][784];
        java.util.Arrays.stream(images).forEach(row -> java.util.Arrays.fill(row, 0.5));
        GanTrainer gan = new GanTrainer(images, 16, 1e-3, 0.5, 11);
        ComponentPrior prior = new ComponentPrior(28, 28, 0);
        float[] discriminator = gan.discriminator().parameters();
        INDArray z = GanTrainer.latent(16, new SplittableRandom(12));
        double first = prior.evaluate(gan.generator().output(z)).mean();
        for (int step = 0; step < 5; step++) {
            GanTrainer.StepLosses l = gan.topologyStep(prior);
            assertTrue(Double.isNaN(l.generator()) && Double.isNaN(l.discriminator()) && l.topological() > 0);
        }
        assertArrayEquals(discriminator, gan.discriminator().parameters(), 0f);
        double last = prior.evaluate(gan.generator().output(z)).mean();
        assertTrue(last < 0.8 * first, "E(1,0,2;PD0) went from " + first + " to " + last);
        // the pure gradient is the mean prior loss's: its value is the batch mean
        GanTrainer.GeneratorGradient g = GanTrainer.topologyGradient(gan.generator(), z, prior);
        assertEquals(last, g.topologicalLoss(), 1e-9 * last);
        assertTrue(Double.isNaN(g.ganLoss()));
    }

    @Test
    void latentVariantDecreasesTheComponentLossWithTheGeneratorFixed() {
        MlpNetwork generator = MlpNetwork.paperGenerator(8);
        float[] before = generator.parameters();
        ComponentPrior prior = new ComponentPrior(28, 28, 0);
        INDArray z = GanTrainer.latent(5, new SplittableRandom(9));
        // one chunk of all 5 codes: the generator's batch normalisation sees the same batch as below
        LatentOptimizer.Result r = LatentOptimizer.optimize(generator, z, prior, 6, 0.05, 0, 5, null);
        assertTrue(r.lossAfter() < r.lossBefore(), r.lossBefore() + " -> " + r.lossAfter());
        assertEquals(prior.evaluate(generator.output(z)).mean(), r.lossBefore(), 1e-5 * r.lossBefore());
        assertArrayEquals(before, generator.parameters(), 0f);
    }

    @Test
    void priorGradientIsHalfTheImageGradient() {
        ComponentPrior prior = new ComponentPrior(6, 6, 0);
        SplittableRandom r = new SplittableRandom(2);
        double[] x = new double[36];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble(-0.9, 0.9);
        }
        ComponentPrior.Result res = prior.evaluate(x, 1);
        double h = 1e-7;
        for (int k = 0; k < 36; k++) {
            double[] p = x.clone(), m = x.clone();
            p[k] += h;
            m[k] -= h;
            double numeric = (prior.evaluate(p, 1).values()[0] - prior.evaluate(m, 1).values()[0]) / (2 * h);
            assertEquals(numeric, res.gradient()[k], 1e-5, "dL/dx[" + k + "]");
        }
    }
}
