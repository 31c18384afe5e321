package org.topolayer.persistence.cubical;

import java.util.ArrayList;
import java.util.List;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.LevelSet;
import org.topolayer.filtration.ValueModel;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.ReferenceReduction;

/**
 * The slow oracle: the cubical complex of a 1- to 3-D array built explicitly from the definition
 * (every cube of the doubled grid takes the minimum of the top cells containing it), turned into a
 * simplicial filtration by barycentric subdivision (a simplex per chain of cubes c₀ ⊊ … ⊊ c_k,
 * entering with its largest cube c_k: at every level the subdivision of the sublevel complex, so the
 * same persistent homology), and reduced by the textbook {@link ReferenceReduction}. No squeezing
 * of length-1 axes, no duality, no clearing. Tiny inputs only.
 */
final class CubicalReference {
    private final int[] shape;
    private final int[] cellShape;
    private final int cellCount;

    private CubicalReference(int[] shape) {
        this.shape = shape.clone();
        cellShape = new int[shape.length];
        int c = 1;
        for (int a = 0; a < shape.length; a++) {
            cellShape[a] = 2 * shape[a] + 1;
            c *= cellShape[a];
        }
        cellCount = c;
    }

    static PersistenceDiagrams compute(double[] values, int[] shape, int maxDimension, LevelSet levelSet) {
        return new CubicalReference(shape).reduce(values, maxDimension, levelSet);
    }

    private PersistenceDiagrams reduce(double[] values, int maxDimension, LevelSet levelSet) {
        double sign = levelSet.isSuperlevel() ? -1 : 1;
        double[] cellValue = new double[cellCount];
        int[] cellSource = new int[cellCount];
        for (int cell = 0; cell < cellCount; cell++) {
            int[] c = coords(cell);
            double best = Double.POSITIVE_INFINITY;
            int source = -1;
            for (int top : topCellsContaining(c)) {
                if (sign * values[top] < best) {
                    best = sign * values[top];
                    source = top;
                }
            }
            cellValue[cell] = best;
            cellSource[cell] = source;
        }
        Filtration.Builder b = Filtration.builder(ValueModel.VERTEX_VALUE, levelSet.isSuperlevel() ? -1 : 1);
        List<Integer> chain = new ArrayList<>();
        for (int cell = 0; cell < cellCount; cell++) {
            chain.add(cell);
            addChains(chain, cellValue[cell], cellSource[cell], b, maxDimension + 1);
            chain.clear();
        }
        return ReferenceReduction.compute(b.build(), maxDimension);
    }

    /** Adds the chain (largest cube first) and every longer chain extending it downwards. */
    private void addChains(List<Integer> chain, double value, int source, Filtration.Builder b, int maxSimplex) {
        b.add(chain.stream().mapToInt(Integer::intValue).toArray(), value, source);
        if (chain.size() > maxSimplex) {
            return;
        }
        for (int face : properFaces(chain.get(chain.size() - 1))) {
            chain.add(face);
            addChains(chain, value, source, b, maxSimplex);
            chain.remove(chain.size() - 1);
        }
    }

    /** Every proper face of a cube: each odd coordinate kept or moved to either even neighbour. */
    private List<Integer> properFaces(int cell) {
        int[] c = coords(cell);
        List<Integer> faces = new ArrayList<>();
        int[] choice = new int[c.length];
        collectFaces(c, 0, choice, faces);
        faces.remove(Integer.valueOf(cell));
        return faces;
    }

    private void collectFaces(int[] c, int axis, int[] choice, List<Integer> faces) {
        if (axis == c.length) {
            int[] f = new int[c.length];
            for (int a = 0; a < c.length; a++) {
                f[a] = c[a] + choice[a];
            }
            faces.add(index(f));
            return;
        }
        int[] options = c[axis] % 2 == 1 ? new int[] {-1, 0, 1} : new int[] {0};
        for (int o : options) {
            choice[axis] = o;
            collectFaces(c, axis + 1, choice, faces);
        }
    }

    private List<Integer> topCellsContaining(int[] c) {
        List<Integer> tops = new ArrayList<>();
        collectTops(c, 0, 0, tops);
        return tops;
    }

    private void collectTops(int[] c, int axis, int partial, List<Integer> tops) {
        if (axis == c.length) {
            tops.add(partial);
            return;
        }
        int lo = c[axis] % 2 == 1 ? (c[axis] - 1) / 2 : c[axis] / 2 - 1;
        int hi = c[axis] / 2;
        for (int p = Math.max(lo, 0); p <= Math.min(hi, shape[axis] - 1); p++) {
            collectTops(c, axis + 1, partial * shape[axis] + p, tops);
        }
    }

    private int[] coords(int cell) {
        int[] c = new int[cellShape.length];
        for (int a = cellShape.length - 1; a >= 0; a--) {
            c[a] = cell % cellShape[a];
            cell /= cellShape[a];
        }
        return c;
    }

    private int index(int[] c) {
        int i = 0;
        for (int a = 0; a < c.length; a++) {
            i = i * cellShape[a] + c[a];
        }
        return i;
    }
}
