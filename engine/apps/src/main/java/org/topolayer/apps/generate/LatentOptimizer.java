package org.topolayer.apps.generate;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.topolayer.nn.AdamOptimizer;
import org.topolayer.nn.MlpNetwork;

/**
 * The latent-space variant of TopologyLayer's generator example: the generator is fixed and each latent code z is moved by
 * Adam to lower the {@link ComponentPrior} loss of G(z), plus an optional pull (λ/2)‖z‖² towards
 * the prior's typical region so codes stay where the generator was trained. dL/dz comes from the
 * generator's backward pass with respect to its input (placeholder surrogate). Codes are
 * optimized in chunks; with a batch-normalised generator the codes of a chunk share its batch
 * statistics (as in TopologyLayer's example, which never switches the generator to evaluation mode).
 */
public final class LatentOptimizer {
    private LatentOptimizer() {}

    /**
     * Optimized copies of the codes z [N, latent].
     *
     * @param progress called after each iteration of the first chunk with the iteration number (may be null)
     * @return the optimized codes and the mean prior loss before and after
     */
    public static Result optimize(MlpNetwork generator, INDArray z, ComponentPrior prior, int iterations,
                                  double learningRate, double normWeight, int chunk, IterationListener progress) {
        INDArray out = z.dup();
        long n = z.size(0);
        double before = 0, after = 0;
        for (long start = 0; start < n; start += chunk) {
            long end = Math.min(n, start + chunk);
            INDArray codes = out.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()).dup();
            AdamOptimizer adam = new AdamOptimizer(learningRate, 0.9, 0.999);
            for (int it = 0; it <= iterations; it++) {
                INDArray images = generator.output(codes);
                ComponentPrior.Result r = prior.evaluate(images);
                double mean = r.mean();
                if (it == 0) {
                    before += mean * (end - start);
                }
                if (it == iterations) {
                    after += mean * (end - start);
                    break;
                }
                INDArray dz = generator.backward(codes, ComponentPrior.gradientArray(r, (int) (end - start))).input();
                if (normWeight > 0) {
                    dz = dz.add(codes.mul(normWeight));
                }
                adam.step(codes, dz);
                if (progress != null && start == 0) {
                    progress.iteration(it + 1, mean);
                }
            }
            out.put(new org.nd4j.linalg.indexing.INDArrayIndex[] {NDArrayIndex.interval(start, end), NDArrayIndex.all()},
                    codes);
        }
        return new Result(out, before / n, after / n);
    }

    /** Optimized codes and the mean prior loss over all codes before and after. */
    public record Result(INDArray codes, double lossBefore, double lossAfter) {}

    /** Progress callback: iteration (1-based) and the chunk's mean prior loss before it. */
    @FunctionalInterface
    public interface IterationListener {
        void iteration(int iteration, double meanLoss);
    }
}
