package org.topolayer.apps.regularize;

import org.topolayer.layer.AlphaLayer;
import org.topolayer.layer.GridLevelSetLayer;
import org.topolayer.filtration.LevelSet;
import org.topolayer.features.PartialSumBarcodeLengths;
import org.topolayer.loss.TopologicalLoss;

/**
 * The penalties of the regularization experiment (the paper's §5.1): the classical ones on β and
 * the topological ones on β seen as a 1-D point cloud or as a 1-D signal.
 */
public final class Penalties {
    private Penalties() {}

    /** No penalty (ordinary least squares). */
    public static Penalty none() {
        return new Penalty() {
            @Override
            public String name() {
                return "OLS";
            }

            @Override
            public double evaluate(double[] beta, double[] gradient, double weight) {
                return 0;
            }

            @Override
            public boolean isNone() {
                return true;
            }
        };
    }

    /** Σ|βᵢ| (lasso); subgradient 0 at 0. */
    public static Penalty l1() {
        return simple("L1", (beta, gradient, weight) -> {
            double sum = 0;
            for (int i = 0; i < beta.length; i++) {
                sum += Math.abs(beta[i]);
                if (gradient != null) {
                    gradient[i] += weight * Math.signum(beta[i]);
                }
            }
            return sum;
        });
    }

    /** Σβᵢ² (ridge). */
    public static Penalty l2() {
        return simple("L2", (beta, gradient, weight) -> {
            double sum = 0;
            for (int i = 0; i < beta.length; i++) {
                sum += beta[i] * beta[i];
                if (gradient != null) {
                    gradient[i] += weight * 2 * beta[i];
                }
            }
            return sum;
        });
    }

    /** Total variation Σ|βᵢ₊₁ − βᵢ|; subgradient 0 where neighbours are equal. */
    public static Penalty totalVariation() {
        return simple("TV", (beta, gradient, weight) -> {
            double sum = 0;
            for (int i = 0; i + 1 < beta.length; i++) {
                double d = beta[i + 1] - beta[i];
                sum += Math.abs(d);
                if (gradient != null) {
                    double s = weight * Math.signum(d);
                    gradient[i + 1] += s;
                    gradient[i] -= s;
                }
            }
            return sum;
        });
    }

    /** The smooth variant of total variation (first-order Sobolev / Tikhonov on differences): Σ(βᵢ₊₁ − βᵢ)². */
    public static Penalty sobolev() {
        return simple("Sobolev", (beta, gradient, weight) -> {
            double sum = 0;
            for (int i = 0; i + 1 < beta.length; i++) {
                double d = beta[i + 1] - beta[i];
                sum += d * d;
                if (gradient != null) {
                    gradient[i + 1] += weight * 2 * d;
                    gradient[i] -= weight * 2 * d;
                }
            }
            return sum;
        });
    }

    /**
     * E(1, 0, skip; PD0) of β as a 1-D point cloud under the weak alpha filtration: the sum of the
     * H0 bar lengths (gaps that merge clusters of values) without the {@code skip} longest finite
     * bars; it favours at most skip + 1 clusters of values. The paper's Top1 is skip = 1 (E(1,0,2)
     * in its 1-based count), Top2 is skip = 3 (E(1,0,4)).
     */
    public static Penalty clusters(String name, int skip) {
        return topological(name, TopologicalLoss.of(AlphaLayer.weak(0), new PartialSumBarcodeLengths(0, skip)), true);
    }

    /**
     * E(1, 0, skip; PD0) of the superlevel filtration of β as a 1-D signal: the H0 bars are the local
     * maxima (each born at a peak, dying where it merges with a higher one); without the
     * {@code skip} longest finite bars it favours at most skip + 1 local maxima.
     */
    public static Penalty maxima(String name, int skip) {
        return topological(name, TopologicalLoss.of(GridLevelSetLayer.signal(0, LevelSet.SUPERLEVEL),
                new PartialSumBarcodeLengths(0, skip)), false);
    }

    private static Penalty topological(String name, TopologicalLoss loss, boolean asPoints) {
        return new Penalty() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double evaluate(double[] beta, double[] gradient, double weight) {
                int[] shape = asPoints ? new int[] {beta.length, 1} : new int[] {beta.length};
                TopologicalLoss.Result r = loss.evaluate(beta, shape);
                if (gradient != null) {
                    double[] g = r.gradient();
                    for (int i = 0; i < g.length; i++) {
                        gradient[i] += weight * g[i];
                    }
                }
                return r.value();
            }
        };
    }

    /** The penalty a config name stands for; the topological ones depend on how β is read. */
    public static Penalty byName(String name, boolean signalProblem) {
        return switch (name) {
            case "ols" -> none();
            case "l1" -> l1();
            case "l2" -> l2();
            case "tv" -> totalVariation();
            case "sobolev" -> sobolev();
            case "top1" -> signalProblem ? maxima("Top1", 1) : clusters("Top1", 1);
            case "top2" -> signalProblem ? maxima("Top2", 3) : clusters("Top2", 3);
            default -> throw new IllegalArgumentException("unknown penalty " + name);
        };
    }

    /** The config names, in table order. */
    public static final java.util.List<String> NAMES = java.util.List.of("ols", "l1", "l2", "tv", "sobolev", "top1",
            "top2");

    private interface Body {
        double evaluate(double[] beta, double[] gradient, double weight);
    }

    private static Penalty simple(String name, Body body) {
        return new Penalty() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double evaluate(double[] beta, double[] gradient, double weight) {
                return body.evaluate(beta, gradient, weight);
            }
        };
    }
}
