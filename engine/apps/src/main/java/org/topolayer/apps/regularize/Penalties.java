package org.topolayer.apps.regularize;

import org.topolayer.features.DiagramFeature;
import org.topolayer.features.PaperEnergy;
import org.topolayer.filtration.LevelSet;
import org.topolayer.layer.AlphaLayer;
import org.topolayer.layer.GridLevelSetLayer;
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

    /** ‖β‖₂, the norm (not squared), as the TopologyLayer authors' regression code; subgradient 0 at β = 0. */
    public static Penalty l2() {
        return simple("L2", (beta, gradient, weight) -> norm(beta.clone(), gradient, weight));
    }

    /** ‖v‖₂ of {@code v}, adding weight · v/‖v‖ into gradient when not null (0 at v = 0). */
    private static double norm(double[] v, double[] gradient, double weight) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        if (gradient != null && norm > 0) {
            for (int i = 0; i < v.length; i++) {
                gradient[i] += weight * v[i] / norm;
            }
        }
        return norm;
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

    /**
     * The paper's smooth variant of total variation, ‖Δβ‖₂ = (Σ(βᵢ₊₁ − βᵢ)²)^{1/2} (the norm, not
     * squared, as the authors' {@code SobLoss(2)}); subgradient 0 where β is constant.
     */
    public static Penalty sobolev() {
        return simple("Sobolev", (beta, gradient, weight) -> {
            double[] diff = new double[Math.max(0, beta.length - 1)];
            for (int i = 0; i < diff.length; i++) {
                diff[i] = beta[i + 1] - beta[i];
            }
            double[] dDiff = gradient == null ? null : new double[diff.length];
            double norm = norm(diff, dDiff, weight);
            if (gradient != null) {
                for (int i = 0; i < diff.length; i++) {
                    gradient[i + 1] += dDiff[i];
                    gradient[i] -= dDiff[i];
                }
            }
            return norm;
        });
    }

    /**
     * The paper's E(1, 0, i₀; PD0) of β as a 1-D point cloud under the weak alpha filtration: the
     * H0 bars are the gaps that merge clusters of values, and the sum over the bars from the i₀-th
     * longest on (the essential bar counting as the first) favours at most i₀ − 1 clusters of
     * values. Top1 is i₀ = 2 (one cluster), Top2 is i₀ = 4 (three clusters).
     */
    public static Penalty clusters(String name, int i0) {
        return topological(name, AlphaLayer.weak(0), new PaperEnergy(0, 1, 0, i0), true);
    }

    /**
     * The paper's E(1, 0, i₀; PD0) of the superlevel filtration of β as a 1-D signal: the H0 bars
     * are the local maxima (each born at a peak, dying where it merges with a higher one; the
     * global maximum's is the essential bar), so the sum favours at most i₀ − 1 local maxima.
     */
    public static Penalty maxima(String name, int i0) {
        return topological(name, GridLevelSetLayer.signal(0, LevelSet.SUPERLEVEL), new PaperEnergy(0, 1, 0, i0),
                false);
    }

    private static Penalty topological(String name, org.topolayer.layer.PersistenceLayer layer,
                                       DiagramFeature feature, boolean asPoints) {
        TopologicalLoss loss = TopologicalLoss.of(layer, feature);
        return new Penalty() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public DiagramFeature feature() {
                return feature;
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
            case "top1" -> signalProblem ? maxima("Top1", 2) : clusters("Top1", 2);
            case "top2" -> signalProblem ? maxima("Top2", 4) : clusters("Top2", 4);
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
