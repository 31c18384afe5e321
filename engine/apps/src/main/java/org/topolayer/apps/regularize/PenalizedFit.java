package org.topolayer.apps.regularize;

import org.topolayer.nn.AdamOptimizer;

/**
 * Minimizes (1/n)||Xβ − y||² + λ·P(β) with Adam, the learning rate decaying linearly to a tenth of
 * its initial value over the iterations (so the non-smooth penalties settle). The start is β = 0 or
 * the ridge solution with a small fixed ε ({@code startRidge}; ε = 0 is the minimum-norm OLS
 * solution). Starting from a least-squares fit matters for the non-convex topological penalties
 * (from β = 0 all weights coincide and the diagrams carry no useful gradient); a small ridge keeps
 * that start bounded when n is close to p, where the minimum-norm solution blows up.
 */
public final class PenalizedFit {
    /** How to run Adam. */
    public record Settings(int iterations, double learningRate, boolean startAtOls, double startRidge) {
        /** Starting at the minimum-norm OLS solution (ε = 0) or at zero. */
        public Settings(int iterations, double learningRate, boolean startAtOls) {
            this(iterations, learningRate, startAtOls, 0);
        }

        public Settings {
            if (!(startRidge >= 0)) {
                throw new IllegalArgumentException("start ridge must be >= 0, got " + startRidge);
            }
            if (iterations <= 0 || !(learningRate > 0)) {
                throw new IllegalArgumentException("need iterations > 0 and learning rate > 0, got " + iterations + ", "
                        + learningRate);
            }
        }
    }

    private PenalizedFit() {}

    /** The fitted β; the unpenalized problem is solved exactly (minimum-norm OLS). */
    public static double[] fit(Problem.Data data, Penalty penalty, double lambda, Settings settings) {
        if (penalty.isNone()) {
            return LeastSquares.minimumNorm(data.x(), data.n(), data.p(), data.y());
        }
        int p = data.p();
        double[] beta = settings.startAtOls()
                ? LeastSquares.ridge(data.x(), data.n(), p, data.y(), settings.startRidge())
                : new double[p];
        double[] grad = new double[p];
        AdamOptimizer adam = AdamOptimizer.standard(settings.learningRate());
        int t = settings.iterations();
        for (int k = 0; k < t; k++) {
            LeastSquares.lossAndGradient(data.x(), data.n(), p, data.y(), beta, grad);
            penalty.evaluate(beta, grad, lambda);
            adam.setLearningRate(settings.learningRate() * (1 - 0.9 * k / (double) t));
            adam.step(beta, grad);
        }
        return beta;
    }

    /** The objective's value at β (for tests and progress). */
    public static double objective(Problem.Data data, Penalty penalty, double lambda, double[] beta) {
        return LeastSquares.mse(data.x(), data.n(), data.p(), data.y(), beta)
                + (penalty.isNone() ? 0 : lambda * penalty.evaluate(beta, null, 0));
    }
}
