package org.topolayer.apps.attack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.topolayer.data.ImageDataset;
import org.topolayer.nn.DifferentiableClassifier;

/**
 * The paper's Figure 15: one image of each class i attacked toward every other class j. Cell
 * (i, j) (row i, column j) holds the image of class i after the attack toward j; the diagonal
 * holds the clean image. The same source image is used in a row for every model, so the models'
 * grids can be compared cell by cell.
 *
 * @param sources index (in the attacked images) of the source image of each class, −1 if the
 *                class has no image there
 * @param cells   [i][j] the image shown in cell (i, j) (null in a row without a source)
 * @param success [i][j] whether the attack from i reached j (false on the diagonal)
 * @param steps   [i][j] the gradient steps it took (0 on the diagonal)
 */
public record SourceTargetGrid(int[] sources, double[][][] cells, boolean[][] success, int[][] steps) {

    /**
     * The source of each class: its first image that every given model classifies correctly, else
     * its first image (−1 if none).
     */
    public static int[] pickSources(ImageDataset images, Collection<int[]> cleanPredictions) {
        int classes = images.classNames().length;
        int[] sources = new int[classes];
        java.util.Arrays.fill(sources, -1);
        boolean[] allCorrect = new boolean[classes];
        for (int i = 0; i < images.size(); i++) {
            int label = images.labels()[i];
            boolean correct = true;
            for (int[] p : cleanPredictions) {
                correct &= p[i] == label;
            }
            if (sources[label] < 0 || (correct && !allCorrect[label])) {
                sources[label] = i;
                allCorrect[label] = correct;
            }
        }
        return sources;
    }

    /** Attacks every source toward every other class with {@code attack} (one batch). */
    public static SourceTargetGrid run(DifferentiableClassifier model, Attack attack, ImageDataset images, int[] sources) {
        int classes = sources.length;
        List<double[]> batch = new ArrayList<>();
        List<int[]> cellOf = new ArrayList<>();
        List<Integer> labels = new ArrayList<>(), targets = new ArrayList<>();
        double[][][] cells = new double[classes][classes][];
        for (int i = 0; i < classes; i++) {
            if (sources[i] < 0) {
                continue;
            }
            for (int j = 0; j < classes; j++) {
                if (i == j) {
                    cells[i][j] = images.images()[sources[i]];
                    continue;
                }
                batch.add(images.images()[sources[i]]);
                labels.add(i);
                targets.add(j);
                cellOf.add(new int[] {i, j});
            }
        }
        boolean[][] success = new boolean[classes][classes];
        int[][] steps = new int[classes][classes];
        if (!batch.isEmpty()) {
            Attack.Result r = attack.run(model, batch.toArray(double[][]::new),
                    labels.stream().mapToInt(Integer::intValue).toArray(),
                    targets.stream().mapToInt(Integer::intValue).toArray());
            for (int k = 0; k < batch.size(); k++) {
                int i = cellOf.get(k)[0], j = cellOf.get(k)[1];
                cells[i][j] = r.adversarial()[k];
                success[i][j] = r.success()[k];
                steps[i][j] = r.steps()[k];
            }
        }
        return new SourceTargetGrid(sources, cells, success, steps);
    }

    /** Successful off-diagonal cells over the attempted ones. */
    public double successRate() {
        int attempted = 0, reached = 0;
        for (int i = 0; i < sources.length; i++) {
            for (int j = 0; j < sources.length; j++) {
                if (i != j && sources[i] >= 0) {
                    attempted++;
                    reached += success[i][j] ? 1 : 0;
                }
            }
        }
        return attempted == 0 ? Double.NaN : (double) reached / attempted;
    }

    /**
     * For metrics.json: the success rate, the source image indices, and {@code rows}, one string
     * per source class with one character per target class: {@code +} reached, {@code .} not
     * reached, {@code o} the diagonal, {@code -} no source image.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success_rate", successRate());
        List<Integer> idx = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            idx.add(sources[i]);
            StringBuilder row = new StringBuilder();
            for (int j = 0; j < sources.length; j++) {
                row.append(sources[i] < 0 ? '-' : i == j ? 'o' : success[i][j] ? '+' : '.');
            }
            rows.add(row.toString());
        }
        out.put("source_images", idx);
        out.put("rows", rows);
        return out;
    }
}
