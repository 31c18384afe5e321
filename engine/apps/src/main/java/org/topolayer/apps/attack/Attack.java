package org.topolayer.apps.attack;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import org.topolayer.nn.DifferentiableClassifier;

/**
 * A gradient attack on the inputs of a {@link DifferentiableClassifier}: FGSM (one step of size ε)
 * or PGD (iterated steps of size α, each followed by projection onto the ε-ball around the clean
 * input), in the L∞ norm (steps along the sign of the gradient) or the L2 norm (steps along the
 * normalised gradient), always clamped to the valid pixel range [lo, hi].
 *
 * <p>Untargeted attacks ascend the cross-entropy of the true class; targeted attacks descend
 * the cross-entropy of the target class. An iterative attack stops on a sample as soon as it
 * succeeds (prediction ≠ label, or = target), as the paper's attack ran until success or a step
 * budget; FGSM is PGD with one step of size ε. The clean input is the starting point, unless the
 * caller gives each sample a random-start seed ({@link #run(DifferentiableClassifier, double[][],
 * int[], int[], long[])}): then the attack starts from a uniform point of the ε-ball around it
 * (Madry et al.'s PGD), drawn from that seed, so a run is deterministic either way.
 *
 * <p>All per-sample logic ({@link #step}, {@link #project}) is static and stateless: batches may
 * be split across threads or machines (an attack is serializable), with one model instance per thread.
 */
public record Attack(Method method, Norm norm, boolean targeted, double epsilon, int steps, double stepSize,
                     double lo, double hi) implements Serializable {

    public enum Method { FGSM, PGD }

    public enum Norm { LINF, L2 }

    public Attack {
        if (!(epsilon >= 0) || steps < 1 || !(stepSize >= 0) || !(lo < hi)) {
            throw new IllegalArgumentException("an attack needs ε ≥ 0, steps ≥ 1, step size ≥ 0 and lo < hi, got ε="
                    + epsilon + ", steps=" + steps + ", step=" + stepSize + ", range [" + lo + ", " + hi + "]");
        }
    }

    /** FGSM: one step of size ε, on pixels in [0, 1]. */
    public static Attack fgsm(Norm norm, double epsilon, boolean targeted) {
        return new Attack(Method.FGSM, norm, targeted, epsilon, 1, epsilon, 0, 1);
    }

    /** PGD: {@code steps} steps of size stepFactor·ε/steps (Madry et al. use 2.5), on pixels in [0, 1]. */
    public static Attack pgd(Norm norm, double epsilon, int steps, double stepFactor, boolean targeted) {
        return new Attack(Method.PGD, norm, targeted, epsilon, steps, stepFactor * epsilon / steps, 0, 1);
    }

    /**
     * The paper's protocol: a targeted L∞ gradient attack with no ε cap (only the pixel range), steps
     * of size {@code stepSize} along the sign of the gradient, run on each sample until it succeeds
     * or {@code steps} steps are spent ({@link Result#steps()} then tells the budget each success needed).
     */
    public static Attack untilSuccess(double stepSize, int steps) {
        return new Attack(Method.PGD, Norm.LINF, true, Double.POSITIVE_INFINITY, steps, stepSize, 0, 1);
    }

    /** Whether this attack has no ε cap ({@link #untilSuccess}). */
    public boolean unbounded() {
        return epsilon == Double.POSITIVE_INFINITY;
    }

    /** The same attack at another budget (PGD keeps its steps and ratio of step size to ε). */
    public Attack withEpsilon(double eps) {
        double step = epsilon == 0 ? stepSize : stepSize * eps / epsilon;
        return new Attack(method, norm, targeted, eps, steps, method == Method.FGSM ? eps : step, lo, hi);
    }

    /** e.g. {@code pgd-linf-targeted}. */
    public String name() {
        return (method.name() + "-" + norm.name() + "-" + (targeted ? "targeted" : "untargeted")).toLowerCase(Locale.ROOT);
    }

    /**
     * Adversarial examples and their outcome.
     *
     * @param adversarial the perturbed inputs (the clean ones where the attack did not move)
     * @param predictions the model's prediction on each adversarial input
     * @param success     whether the attack reached its goal on the sample
     * @param steps       gradient steps taken on the sample (0 if it started at its goal)
     */
    public record Result(double[][] adversarial, int[] predictions, boolean[] success, int[] steps) {
    }

    /**
     * Attacks a batch.
     *
     * @param labels  the true classes
     * @param targets the target classes of a targeted attack (ignored, may be null, when untargeted)
     */
    public Result run(DifferentiableClassifier model, double[][] images, int[] labels, int[] targets) {
        return run(model, images, labels, targets, null);
    }

    /**
     * Attacks a batch from random starts: sample i starts at {@link #randomStart} of its image with
     * seed {@code startSeeds[i]} (null: from the clean images, as {@link #run(DifferentiableClassifier,
     * double[][], int[], int[])}). A start that already reaches the goal is the sample's result, after 0 steps.
     *
     * @throws IllegalArgumentException for random starts of an attack without an ε cap ({@link #untilSuccess})
     */
    public Result run(DifferentiableClassifier model, double[][] images, int[] labels, int[] targets,
                      long[] startSeeds) {
        int n = images.length;
        if (labels.length != n || (targeted && (targets == null || targets.length != n))
                || (startSeeds != null && startSeeds.length != n)) {
            throw new IllegalArgumentException(n + " images need as many labels" + (targeted ? ", targets" : "")
                    + (startSeeds != null ? " and start seeds" : ""));
        }
        int[] goal = targeted ? targets : labels;
        double sign = targeted ? -1 : 1;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = startSeeds == null ? images[i].clone() : randomStart(images[i], startSeeds[i]);
        }
        int[] predictions = new int[n];
        boolean[] success = new boolean[n];
        int[] taken = new int[n];
        int[] active = new int[n];
        for (int i = 0; i < n; i++) {
            active[i] = i;
        }
        int count = n;
        for (int t = 0; t <= steps && count > 0; t++) {
            double[][] batch = new double[count][];
            int[] classes = new int[count];
            for (int k = 0; k < count; k++) {
                batch[k] = x[active[k]];
                classes[k] = goal[active[k]];
            }
            DifferentiableClassifier.LossGradient lg = t < steps ? model.lossGradient(batch, classes) : null;
            int[] predicted = lg != null ? lg.predictions() : model.predict(batch);
            int next = 0;
            for (int k = 0; k < count; k++) {
                int i = active[k];
                predictions[i] = predicted[k];
                taken[i] = t;
                if (targeted ? predicted[k] == targets[i] : predicted[k] != labels[i]) {
                    success[i] = true;
                } else if (lg != null) {
                    step(x[i], lg.gradients()[k], sign, stepSize, norm);
                    project(x[i], images[i], norm, epsilon, lo, hi);
                    active[next++] = i;
                }
            }
            count = next;
        }
        return new Result(x, predictions, success, taken);
    }

    /**
     * A uniform random point of the ε-ball of this attack's norm around x0 (L∞: every pixel moved by
     * a uniform draw in [−ε, ε]; L2: a uniform direction at radius ε·u^(1/d), d the pixel count),
     * clamped to [lo, hi]; the same seed gives the same point on any machine.
     *
     * @throws IllegalArgumentException for an attack without an ε cap, whose ball has no uniform point
     */
    public double[] randomStart(double[] x0, long seed) {
        if (unbounded()) {
            throw new IllegalArgumentException("a random start needs a finite ε; this attack runs until success");
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] x = new double[x0.length];
        if (norm == Norm.LINF) {
            for (int p = 0; p < x.length; p++) {
                x[p] = x0[p] + epsilon * (2 * random.nextDouble() - 1);
            }
        } else {
            double[] direction = new double[x0.length];
            double sq = 0;
            for (int p = 0; p < x.length; p++) {
                direction[p] = gaussian(random);
                sq += direction[p] * direction[p];
            }
            double radius = epsilon * Math.pow(random.nextDouble(), 1.0 / x.length) / Math.sqrt(sq);
            for (int p = 0; p < x.length; p++) {
                x[p] = x0[p] + radius * direction[p];
            }
        }
        for (int p = 0; p < x.length; p++) {
            x[p] = Math.min(hi, Math.max(lo, x[p]));
        }
        return x;
    }

    /** A standard normal draw (Box–Muller) from pure-Java arithmetic, reproducible across JVMs (StrictMath). */
    private static double gaussian(java.util.SplittableRandom random) {
        double u = 1 - random.nextDouble(); // in (0, 1]
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * random.nextDouble());
    }

    /** One ascent step in place: x += α·sign·direction(gradient), direction the sign (L∞) or unit vector (L2). */
    public static void step(double[] x, double[] gradient, double sign, double alpha, Norm norm) {
        if (norm == Norm.LINF) {
            for (int p = 0; p < x.length; p++) {
                x[p] += alpha * sign * Math.signum(gradient[p]);
            }
            return;
        }
        double length = Math.sqrt(Arrays.stream(gradient).map(g -> g * g).sum());
        if (length > 0) {
            for (int p = 0; p < x.length; p++) {
                x[p] += alpha * sign * gradient[p] / length;
            }
        }
    }

    /**
     * Projects x in place onto the ε-ball around x0 of the norm, then clamps to [lo, hi]. Clamping
     * after projecting keeps x in the ball when x0 is in [lo, hi] (it moves every entry towards x0's).
     */
    public static void project(double[] x, double[] x0, Norm norm, double epsilon, double lo, double hi) {
        if (norm == Norm.LINF) {
            for (int p = 0; p < x.length; p++) {
                x[p] = Math.min(x0[p] + epsilon, Math.max(x0[p] - epsilon, x[p]));
            }
        } else {
            double sq = 0;
            for (int p = 0; p < x.length; p++) {
                sq += (x[p] - x0[p]) * (x[p] - x0[p]);
            }
            double length = Math.sqrt(sq);
            if (length > epsilon) {
                double scale = epsilon / length;
                for (int p = 0; p < x.length; p++) {
                    x[p] = x0[p] + (x[p] - x0[p]) * scale;
                }
            }
        }
        for (int p = 0; p < x.length; p++) {
            x[p] = Math.min(hi, Math.max(lo, x[p]));
        }
    }

    /** max |x − x0|. */
    public static double linf(double[] x, double[] x0) {
        double m = 0;
        for (int p = 0; p < x.length; p++) {
            m = Math.max(m, Math.abs(x[p] - x0[p]));
        }
        return m;
    }

    /**
     * The smallest pixel change counted by {@link #pixelsChanged}: half a grey level of an 8-bit
     * image, so a counted pixel would show in the image saved as bytes.
     */
    public static final double VISIBLE_CHANGE = 0.5 / 255;

    /** The number of pixels with |x − x0| > {@link #VISIBLE_CHANGE}. */
    public static int pixelsChanged(double[] x, double[] x0) {
        int n = 0;
        for (int p = 0; p < x.length; p++) {
            n += Math.abs(x[p] - x0[p]) > VISIBLE_CHANGE ? 1 : 0;
        }
        return n;
    }

    /** ‖x − x0‖₂. */
    public static double l2(double[] x, double[] x0) {
        double s = 0;
        for (int p = 0; p < x.length; p++) {
            s += (x[p] - x0[p]) * (x[p] - x0[p]);
        }
        return Math.sqrt(s);
    }
}
