package org.topolayer.apps.regularize;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Random;
import org.topolayer.features.DiagramFeature;
import org.topolayer.features.PaperEnergy;
import org.topolayer.layer.AlphaLayer;
import org.topolayer.loss.TopologicalLoss;
import org.topolayer.nn.AdamOptimizer;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.alpha.AlphaPersistence;

/**
 * The paper's Figure 1: points drawn uniformly in the unit square, moved by gradient descent (Adam)
 * on a topological loss of their weak-alpha diagrams, and kept in the square by projection after
 * every step. Tasks (the paper's E(p,q,i₀;PD), {@link PaperEnergy}): increase H1 (minimize
 * −E(2,0,1;PD1) = −Σ(d − b)² over H1 bars, TopologyLayer's BarcodePolyFeature(1, 2, 0)), decrease H1
 * (minimize +E(2,0,1;PD1)), and form k clusters (minimize E(1,0,k+1;PD0): the H0 bar lengths
 * without the essential bar and the k − 1 longest finite ones).
 */
public final class PointCloudExperiment {
    /** What the points are pushed toward. */
    public enum Task {
        INCREASE_H1("increase-h1"), DECREASE_H1("decrease-h1"), CLUSTERS("clusters");

        private final String id;

        Task(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Task byId(String id) {
            for (Task t : values()) {
                if (t.id.equals(id)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown task " + id);
        }

        public static java.util.List<String> ids() {
            return java.util.Arrays.stream(values()).map(Task::id).toList();
        }
    }

    /** Settings: the number of points, Adam's iterations and learning rate, and k for the clusters task. */
    public record Settings(int points, int iterations, double learningRate, int clusters, double scale) {}

    /** Points before and after (n×2, rows), and the loss before and after. */
    public record Outcome(Task task, double[][] before, double[][] after, double lossBefore, double lossAfter) {}

    private PointCloudExperiment() {}

    /** n points uniform in the unit square. */
    public static double[][] uniform(int n, Random rng) {
        double[][] p = new double[n][2];
        for (double[] row : p) {
            row[0] = rng.nextDouble();
            row[1] = rng.nextDouble();
        }
        return p;
    }

    /** The task's diagram feature; its weight in the loss is {@link #weight}. */
    public static DiagramFeature feature(Task task, int clusters) {
        return switch (task) {
            case INCREASE_H1, DECREASE_H1 -> new PaperEnergy(1, 2, 0, 1);
            case CLUSTERS -> new PaperEnergy(0, 1, 0, clusters + 1);
        };
    }

    /** −1 for increase-h1 (the loss is minimized), 1 otherwise. */
    public static double weight(Task task) {
        return task == Task.INCREASE_H1 ? -1 : 1;
    }

    public static TopologicalLoss loss(Task task, int clusters) {
        AlphaLayer layer = AlphaLayer.weak(task == Task.CLUSTERS ? 0 : 1);
        return TopologicalLoss.of(java.util.List.of(new TopologicalLoss.Term(layer, feature(task, clusters),
                weight(task))));
    }

    public static Outcome run(Task task, double[][] start, Settings s, PrintWriter progress) {
        int n = start.length;
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = start[i][0];
            x[2 * i + 1] = start[i][1];
        }
        int[] shape = {n, 2};
        TopologicalLoss loss = loss(task, s.clusters());
        AdamOptimizer adam = AdamOptimizer.standard(s.learningRate());
        double before = Double.NaN, last = Double.NaN;
        for (int k = 0; k < s.iterations(); k++) {
            TopologicalLoss.Result r = loss.evaluate(x, shape);
            if (k == 0) {
                before = r.value();
            }
            last = r.value();
            if (progress != null && (k % Math.max(1, s.iterations() / 10) == 0)) {
                progress.printf(Locale.ROOT, "pointcloud %s: iteration %d loss %.6g%n", task.id(), k, r.value());
                progress.flush();
            }
            adam.step(x, r.gradient());
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.min(1, Math.max(0, x[i]));
            }
        }
        double after = loss.evaluate(x, shape).value();
        if (progress != null) {
            progress.printf(Locale.ROOT, "pointcloud %s: iteration %d loss %.6g (start %.6g)%n", task.id(),
                    s.iterations(), after, before);
            progress.flush();
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new double[] {x[2 * i], x[2 * i + 1]};
        }
        return new Outcome(task, start, out, before, Double.isNaN(last) ? before : after);
    }

    /** Σ (d − b) over finite bars of dimension {@code dim} of the weak-alpha diagrams. */
    public static double totalPersistence(double[][] points, int dim) {
        Diagram d = AlphaPersistence.weak(points, 1).get(dim);
        double s = 0;
        for (int i = 0; i < d.size(); i++) {
            if (!d.isEssential(i)) {
                s += d.persistence(i);
            }
        }
        return s;
    }

    /** Finite bars of dimension {@code dim} longer than {@code minLength}. */
    public static int barsLongerThan(double[][] points, int dim, double minLength) {
        Diagram d = AlphaPersistence.weak(points, 1).get(dim);
        int c = 0;
        for (int i = 0; i < d.size(); i++) {
            if (!d.isEssential(i) && d.persistence(i) > minLength) {
                c++;
            }
        }
        return c;
    }

    /** Connected components of the union of balls of radius scale/2 (weak alpha at scale): 1 + H0 deaths above it. */
    public static int componentsAt(double[][] points, double scale) {
        PersistenceDiagrams pd = AlphaPersistence.weak(points, 0);
        Diagram d = pd.get(0);
        int c = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.isEssential(i) || d.death(i) > scale) {
                c++;
            }
        }
        return c;
    }
}
