package org.topolayer.apps.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.topolayer.nn.AdamOptimizer;
import org.topolayer.nn.MlpNetwork;

/** The topological steps on the generator model (weights and latent variants). */
class GeneratorTopologyTest {

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
