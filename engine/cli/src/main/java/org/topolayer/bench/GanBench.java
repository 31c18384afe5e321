package org.topolayer.bench;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.topolayer.apps.generate.ComponentPrior;
import org.topolayer.apps.generate.GanTrainer;
import org.topolayer.data.SyntheticImages;
import org.topolayer.nn.Nd4jThreads;

/**
 * The generative application's training cost on one machine, to set beside the Spark train job's
 * generator workload: topo generate's step (a discriminator step and a generator step on 32 codes,
 * topological prior weight 1), and the generator's gradient alone on 500 codes (the train job's
 * unit of work on an executor) and on one code (what per-sample ND4J dispatch would cost). ND4J on
 * one thread, as topo generate runs it; timed by the process's CPU time, since the prior's images
 * are evaluated on the engine's pool.
 */
final class GanBench {
    private GanBench() {}

    static void run(double seconds) {
        Nd4jThreads.limit(1);
        GanTrainer gan = new GanTrainer(SyntheticImages.generate(1000, 3).images(), 32, 2e-4, 0.5, 1);
        ComponentPrior prior = new ComponentPrior(28, 28, 0);
        print("GAN step (D + G), 32 codes, prior weight 1", seconds, () -> gan.step(prior, 1).generator());
        for (int codes : new int[] {500, 1}) { // one code: what per-sample ND4J dispatch would cost
            INDArray z = GanTrainer.latent(codes, new SplittableRandom(5));
            print("generator gradient, " + codes + " code" + (codes > 1 ? "s" : "") + ", prior weight 1", seconds,
                    () -> GanTrainer.generatorGradient(gan.generator(), gan.discriminator(), z, prior, 1).ganLoss());
        }
    }

    private static void print(String name, double seconds, java.util.function.Supplier<Object> work) {
        System.out.println(BenchHarness.measure(name, "report (process CPU)", 3, seconds, work,
                BenchHarness.Clock.PROCESS_CPU).row());
    }
}
