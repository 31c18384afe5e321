package org.topolayer.spark.attack;

import java.io.Serializable;
import java.util.Locale;

/**
 * L∞ gradient-sign attacks on {@link TopKClassifier}: FGSM (one step of ε) and PGD (steps of
 * 2.5·ε/steps from the clean image, projected back to the ε-ball). Pixels stay in [0, 1]. No random
 * start, so a run is reproducible on any cluster.
 */
public final class GradientSignAttack implements Serializable {
    private static final long serialVersionUID = 1L;
    private final boolean projected;
    private final int steps;

    private GradientSignAttack(boolean projected, int steps) {
        this.projected = projected;
        this.steps = steps;
    }

    /** @throws IllegalArgumentException for a method other than fgsm and pgd, or steps &lt; 1 */
    public static GradientSignAttack of(String method, int steps) {
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "fgsm" -> new GradientSignAttack(false, 1);
            case "pgd" -> {
                if (steps < 1) {
                    throw new IllegalArgumentException("--steps must be ≥ 1 for pgd, got " + steps);
                }
                yield new GradientSignAttack(true, steps);
            }
            default -> throw new IllegalArgumentException("unknown --method '" + method + "'; use fgsm or pgd");
        };
    }

    /** The adversarial image within ε of {@code image} (L∞). */
    public double[] perturb(TopKClassifier model, double[] image, int[] shape, int label, double eps) {
        double step = projected ? 2.5 * eps / steps : eps;
        double[] x = image.clone();
        for (int k = 0; k < steps; k++) {
            double[] g = model.lossGradient(x, shape, label);
            for (int i = 0; i < x.length; i++) {
                double moved = x[i] + step * Math.signum(g[i]);
                moved = Math.max(image[i] - eps, Math.min(image[i] + eps, moved));
                x[i] = Math.max(0, Math.min(1, moved));
            }
        }
        return x;
    }
}
