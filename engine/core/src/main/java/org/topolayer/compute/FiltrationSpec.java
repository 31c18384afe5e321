package org.topolayer.compute;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.topolayer.complex.AlphaComplexes;
import org.topolayer.complex.GridComplex;
import org.topolayer.complex.RipsComplex;
import org.topolayer.complex.SimplicialComplex;
import org.topolayer.filtration.Filtration;
import org.topolayer.filtration.LevelSet;
import org.topolayer.limits.SizeEstimate;
import org.topolayer.persistence.LowerStarPersistence;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.PrimeField;
import org.topolayer.persistence.alpha.AlphaMode;
import org.topolayer.persistence.alpha.AlphaPersistence;
import org.topolayer.persistence.alpha.AlphaSize;
import org.topolayer.persistence.cubical.CubicalPersistence;
import org.topolayer.persistence.cubical.CubicalSize;
import org.topolayer.persistence.grid.GridSize;
import org.topolayer.persistence.grid.LevelSetPersistence;
import org.topolayer.persistence.representatives.Representatives;
import org.topolayer.persistence.representatives.RepresentedDiagrams;
import org.topolayer.persistence.rips.RipsPersistence;
import org.topolayer.persistence.rips.RipsSize;

/**
 * What to compute: a filtration kind with its parameters (level sets of a grid, the cubical complex
 * of an image or volume, Vietoris–Rips or
 * alpha of points, lower star of a complex; the highest homology dimension; a Rips threshold;
 * sublevel or superlevel; weak or exact alpha). It picks the engine's algorithm and its memory
 * estimate, so the command line, the Spark jobs, the transformers, the layers and the benchmarks
 * dispatch in one place. Immutable and thread-safe.
 *
 * <p>Coefficients are Z/2 unless {@link #withCoefficients} picks another prime field, which Rips
 * and lower-star filtrations take; level sets and alpha are computed over Z/2 only.
 *
 * <p>Representatives: {@code compute…WithRepresentatives} return the same diagrams with a cycle or
 * cocycle per bar ({@link Representatives}), computed on the explicit complex of the kind (not for
 * cubical complexes).
 *
 * <p>Its {@link #name} is the spelling options and column names use: {@code sublevel},
 * {@code superlevel}, {@code cubical}, {@code cubical-superlevel}, {@code rips}, {@code alpha} (weak),
 * {@code alpha-exact},
 * {@code lower-star-sublevel}, {@code lower-star-superlevel}; {@link #named} reads it back.
 */
public final class FiltrationSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The filtration families. */
    public enum Kind {
        /** Level sets of values on a 1-, 2- or 3-D grid (Freudenthal triangulation). */
        LEVEL_SET,
        /** Cubical complex of a 1-, 2- or 3-D grid whose pixels or voxels are the top cells. */
        CUBICAL,
        /** Vietoris–Rips of points or of a distance matrix, edges up to a threshold. */
        RIPS,
        /** Alpha of points: weak (Delaunay simplices by longest edge) or exact (circumradius). */
        ALPHA,
        /** Lower star of a simplicial complex with one value per vertex. */
        LOWER_STAR
    }

    /** The names {@link #named} accepts for array inputs. */
    public static final List<String> ARRAY_NAMES = List.of("sublevel", "superlevel", "cubical", "cubical-superlevel",
            "rips", "alpha", "alpha-exact");

    private final Kind kind;
    private final LevelSet levelSet;
    private final AlphaMode alphaMode;
    private final int maxDimension;
    private final double threshold;
    /** The prime p of the coefficients Z/p; 2 by default. */
    private final int modulus;

    private FiltrationSpec(Kind kind, LevelSet levelSet, AlphaMode alphaMode, int maxDimension, double threshold) {
        this(kind, levelSet, alphaMode, maxDimension, threshold, 2);
    }

    private FiltrationSpec(Kind kind, LevelSet levelSet, AlphaMode alphaMode, int maxDimension, double threshold,
                           int modulus) {
        if (maxDimension < 0) {
            throw new IllegalArgumentException("maxdim must be ≥ 0, got " + maxDimension);
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("the Rips threshold must be positive (or infinite), got " + threshold);
        }
        this.kind = kind;
        this.levelSet = levelSet;
        this.alphaMode = alphaMode;
        this.maxDimension = maxDimension;
        this.threshold = threshold;
        this.modulus = modulus;
    }

    /** Level sets of a grid's values. */
    public static FiltrationSpec levelSet(LevelSet levelSet, int maxDimension) {
        return new FiltrationSpec(Kind.LEVEL_SET, Objects.requireNonNull(levelSet, "levelSet"), null, maxDimension,
                Double.POSITIVE_INFINITY);
    }

    /** The cubical complex of a grid, pixels (voxels) as top cells, sublevel or superlevel. */
    public static FiltrationSpec cubical(LevelSet levelSet, int maxDimension) {
        return new FiltrationSpec(Kind.CUBICAL, Objects.requireNonNull(levelSet, "levelSet"), null, maxDimension,
                Double.POSITIVE_INFINITY);
    }

    /** Vietoris–Rips with edges up to {@code threshold} (positive; infinite: all edges). */
    public static FiltrationSpec rips(int maxDimension, double threshold) {
        return new FiltrationSpec(Kind.RIPS, null, null, maxDimension, threshold);
    }

    /** Alpha, weak or exact. */
    public static FiltrationSpec alpha(AlphaMode mode, int maxDimension) {
        return new FiltrationSpec(Kind.ALPHA, null, Objects.requireNonNull(mode, "mode"), maxDimension,
                Double.POSITIVE_INFINITY);
    }

    /** Lower star of a complex (sublevel), or its upper star (superlevel). */
    public static FiltrationSpec lowerStar(LevelSet levelSet, int maxDimension) {
        return new FiltrationSpec(Kind.LOWER_STAR, Objects.requireNonNull(levelSet, "levelSet"), null, maxDimension,
                Double.POSITIVE_INFINITY);
    }

    /**
     * The specification a {@link #name} stands for ({@code threshold} is used by {@code rips} only).
     *
     * @throws IllegalArgumentException on an unknown name, listing the known ones
     */
    public static FiltrationSpec named(String name, int maxDimension, double threshold) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "sublevel" -> levelSet(LevelSet.SUBLEVEL, maxDimension);
            case "superlevel" -> levelSet(LevelSet.SUPERLEVEL, maxDimension);
            case "cubical", "cubical-sublevel" -> cubical(LevelSet.SUBLEVEL, maxDimension);
            case "cubical-superlevel" -> cubical(LevelSet.SUPERLEVEL, maxDimension);
            case "rips" -> rips(maxDimension, threshold);
            case "alpha" -> alpha(AlphaMode.WEAK, maxDimension);
            case "alpha-exact" -> alpha(AlphaMode.EXACT, maxDimension);
            case "lower-star-sublevel" -> lowerStar(LevelSet.SUBLEVEL, maxDimension);
            case "lower-star-superlevel" -> lowerStar(LevelSet.SUPERLEVEL, maxDimension);
            default -> throw new IllegalArgumentException("unknown filtration '" + name + "'; use one of "
                    + String.join(", ", ARRAY_NAMES) + " (or lower-star-sublevel, lower-star-superlevel for a complex)");
        };
    }

    /**
     * This specification with coefficients in Z/p ({@code --coeff P}). Only Rips and lower star
     * take p ≠ 2: the level-set and alpha algorithms are Z/2 only.
     *
     * @param modulus the prime p, 2 ≤ p &lt; 2¹⁵ ({@link PrimeField})
     * @throws IllegalArgumentException when p is not such a prime, or p ≠ 2 for a Z/2-only kind
     */
    public FiltrationSpec withCoefficients(int modulus) {
        PrimeField.of(modulus); // validates
        if (modulus != 2 && kind != Kind.RIPS && kind != Kind.LOWER_STAR) {
            throw new IllegalArgumentException("coefficients Z/" + modulus + " apply to rips and lower-star (complex)"
                    + " filtrations only; the " + name() + " filtration is computed over Z/2 (use coefficient 2)");
        }
        return new FiltrationSpec(kind, levelSet, alphaMode, maxDimension, threshold, modulus);
    }

    /** The prime p of the coefficient field Z/p (2 unless {@link #withCoefficients} chose another). */
    public int coefficientModulus() {
        return modulus;
    }

    public Kind kind() {
        return kind;
    }

    /** Sublevel or superlevel, for level sets, cubical complexes and lower stars; null otherwise. */
    public LevelSet levelSet() {
        return levelSet;
    }

    /** Weak or exact, for alpha; null otherwise. */
    public AlphaMode alphaMode() {
        return alphaMode;
    }

    public int maxDimension() {
        return maxDimension;
    }

    /** The Rips threshold (infinite for the other kinds). */
    public double threshold() {
        return threshold;
    }

    /** The spelling options and column names use (see the class comment). */
    public String name() {
        return switch (kind) {
            case LEVEL_SET -> levelSet == LevelSet.SUPERLEVEL ? "superlevel" : "sublevel";
            case CUBICAL -> levelSet == LevelSet.SUPERLEVEL ? "cubical-superlevel" : "cubical";
            case RIPS -> "rips";
            case ALPHA -> alphaMode == AlphaMode.EXACT ? "alpha-exact" : "alpha";
            case LOWER_STAR -> levelSet == LevelSet.SUPERLEVEL ? "lower-star-superlevel" : "lower-star-sublevel";
        };
    }

    /** True for the kinds whose input is a grid of values (level sets, cubical complexes). */
    public boolean takesGrid() {
        return kind == Kind.LEVEL_SET || kind == Kind.CUBICAL;
    }

    /** True for the kinds whose input is points (Rips, alpha). */
    public boolean takesPoints() {
        return kind == Kind.RIPS || kind == Kind.ALPHA;
    }

    /**
     * The diagrams of an array input: a grid of {@code shape} for level sets and cubical complexes; {@code shape[0]} points
     * of {@code shape[1]} coordinates (row-major) for Rips and alpha.
     *
     * @throws IllegalArgumentException on a shape or value the filtration cannot take
     */
    public PersistenceDiagrams compute(double[] values, int[] shape) {
        return switch (kind) {
            case LEVEL_SET -> LevelSetPersistence.compute(values, shape, maxDimension, levelSet);
            case CUBICAL -> CubicalPersistence.compute(values, shape, maxDimension, levelSet);
            case RIPS, ALPHA -> computePoints(points(values, shape));
            case LOWER_STAR -> throw new IllegalArgumentException("a lower-star filtration needs a complex: use computeComplex");
        };
    }

    /** The memory {@link #compute} is estimated to need, checked before it runs. */
    public SizeEstimate estimate(double[] values, int[] shape) {
        return switch (kind) {
            case LEVEL_SET, CUBICAL -> estimateGrid(shape);
            case RIPS, ALPHA -> estimatePoints(points(values, shape));
            case LOWER_STAR -> throw new IllegalArgumentException("a lower-star filtration needs a complex");
        };
    }

    /**
     * A level set's or cubical complex's memory from the grid's shape alone, so a stored image can be
     * refused before its values are read.
     */
    public SizeEstimate estimateGrid(int[] shape) {
        return switch (kind) {
            case LEVEL_SET -> GridSize.of(shape, maxDimension);
            case CUBICAL -> CubicalSize.of(shape, maxDimension);
            default -> throw notFor("grids");
        };
    }

    /** The diagrams of a point cloud (Rips or alpha). */
    public PersistenceDiagrams computePoints(double[][] points) {
        return switch (kind) {
            case RIPS -> RipsPersistence.ofPoints(points, maxDimension, threshold, modulus);
            case ALPHA -> alphaMode == AlphaMode.EXACT ? AlphaPersistence.exact(points, maxDimension)
                    : AlphaPersistence.weak(points, maxDimension);
            default -> throw notFor("points");
        };
    }

    /** The memory {@link #computePoints} is estimated to need. */
    public SizeEstimate estimatePoints(double[][] points) {
        return switch (kind) {
            case RIPS -> RipsSize.ofPoints(points, maxDimension, threshold);
            case ALPHA -> AlphaSize.of(points.length, alphaMode);
            default -> throw notFor("points");
        };
    }

    /** The Rips diagrams of a symmetric distance matrix. */
    public PersistenceDiagrams computeDistances(double[][] distances) {
        if (kind != Kind.RIPS) {
            throw notFor("a distance matrix");
        }
        return RipsPersistence.ofDistanceMatrix(distances, maxDimension, threshold, modulus);
    }

    /** The diagrams of a sparse distance matrix ({@link RipsPersistence#ofSparseDistances}). */
    public PersistenceDiagrams computeSparseDistances(int n, int[] rows, int[] cols, double[] distances) {
        if (kind != Kind.RIPS) {
            throw notFor("sparse distances");
        }
        return RipsPersistence.ofSparseDistances(n, rows, cols, distances, maxDimension, threshold, modulus);
    }

    /** The memory {@link #computeSparseDistances} is estimated to need. */
    public SizeEstimate estimateSparseDistances(int n, int[] rows, int[] cols, double[] distances) {
        if (kind != Kind.RIPS) {
            throw notFor("sparse distances");
        }
        return RipsSize.ofSparseDistances(n, rows, cols, distances, maxDimension, threshold);
    }

    /** The memory {@link #computeDistances} is estimated to need. */
    public SizeEstimate estimateDistances(double[][] distances) {
        if (kind != Kind.RIPS) {
            throw notFor("a distance matrix");
        }
        return RipsSize.ofDistanceMatrix(distances, maxDimension, threshold);
    }

    /** The lower-star (or upper-star) diagrams of a complex with one value per vertex. */
    public PersistenceDiagrams computeComplex(SimplicialComplex complex, double[] vertexValues) {
        if (kind != Kind.LOWER_STAR) {
            throw notFor("a complex");
        }
        return LowerStarPersistence.compute(complex, vertexValues, maxDimension, levelSet, modulus);
    }

    // ---- representatives: the diagrams as computed above, plus one chain per bar from the explicit filtration

    /**
     * The representatives {@code compute…WithRepresentatives} give by default: cocycles for Rips
     * (as Ripser prints them), cycles for level sets, alpha and lower stars. Either kind can be
     * asked of any of them.
     */
    public Representatives.Kind representativeKind() {
        return kind == Kind.RIPS ? Representatives.Kind.COCYCLES : Representatives.Kind.CYCLES;
    }

    /**
     * {@link #compute} with a representative per bar ({@link Representatives}): level sets of a
     * grid (its Freudenthal complex), or Rips and alpha of points given as an array.
     *
     * @param chainKind cycles or cocycles; null for {@link #representativeKind()}
     * @throws IllegalArgumentException for cubical complexes (not simplicial: use level sets), or
     *                                  when the explicit complex exceeds {@link Representatives#MAX_SIMPLICES}
     */
    public RepresentedDiagrams computeWithRepresentatives(double[] values, int[] shape, Representatives.Kind chainKind) {
        return switch (kind) {
            case LEVEL_SET -> {
                Representatives.checkSize(freudenthalSize(shape), "use a smaller grid or a lower maxdim");
                PersistenceDiagrams diagrams = compute(values, shape);
                Filtration f = LowerStarPersistence.filtration(GridComplex.freudenthal(shape, maxDimension + 1), values,
                        maxDimension + 1, levelSet);
                yield Representatives.of(diagrams, f, chainKind != null ? chainKind : representativeKind(), field());
            }
            case CUBICAL -> throw new IllegalArgumentException("representatives are computed on simplicial complexes"
                    + " (level sets, rips, alpha, lower star), not on the cubical complex; use the level-set filtration");
            case RIPS, ALPHA -> computePointsWithRepresentatives(points(values, shape), chainKind);
            case LOWER_STAR -> throw new IllegalArgumentException("a lower-star filtration needs a complex:"
                    + " use computeComplexWithRepresentatives");
        };
    }

    /** {@link #computePoints} with a representative per bar (see {@link #computeWithRepresentatives}). */
    public RepresentedDiagrams computePointsWithRepresentatives(double[][] points, Representatives.Kind chainKind) {
        PersistenceDiagrams diagrams = computePoints(points); // validates the points
        Filtration f;
        if (kind == Kind.RIPS) {
            Representatives.checkSize(RipsComplex.size(points, maxDimension + 1, threshold, Representatives.MAX_SIMPLICES),
                    "use fewer points, a threshold or a lower maxdim");
            f = RipsComplex.filtration(points, maxDimension + 1, threshold);
        } else {
            Representatives.checkSize(6L * points.length, "use fewer points"); // planar: ≤ 3n edges, 2n triangles
            f = alphaMode == AlphaMode.EXACT ? AlphaComplexes.exact(points) : AlphaComplexes.weak(points);
        }
        return Representatives.of(diagrams, f, chainKind != null ? chainKind : representativeKind(), field());
    }

    /** {@link #computeDistances} with a representative per bar (see {@link #computeWithRepresentatives}). */
    public RepresentedDiagrams computeDistancesWithRepresentatives(double[][] distances, Representatives.Kind chainKind) {
        PersistenceDiagrams diagrams = computeDistances(distances);
        Representatives.checkSize(RipsComplex.sizeOfDistanceMatrix(distances, maxDimension + 1, threshold,
                Representatives.MAX_SIMPLICES), "use fewer points, a threshold or a lower maxdim");
        Filtration f = RipsComplex.ofDistanceMatrix(distances, maxDimension + 1, threshold);
        return Representatives.of(diagrams, f, chainKind != null ? chainKind : representativeKind(), field());
    }

    /** {@link #computeComplex} with a representative per bar (see {@link #computeWithRepresentatives}). */
    public RepresentedDiagrams computeComplexWithRepresentatives(SimplicialComplex complex, double[] vertexValues,
                                                                 Representatives.Kind chainKind) {
        PersistenceDiagrams diagrams = computeComplex(complex, vertexValues);
        Representatives.checkSize(complex.size(), "use a smaller complex");
        Filtration f = LowerStarPersistence.filtration(complex, vertexValues, maxDimension + 1, levelSet);
        return Representatives.of(diagrams, f, chainKind != null ? chainKind : representativeKind(), field());
    }

    private PrimeField field() {
        return PrimeField.of(modulus);
    }

    /** An upper bound on the simplices of the Freudenthal complex of a grid up to dimension maxdim + 1. */
    private long freudenthalSize(int[] shape) {
        long vertices = 1;
        int longAxes = 0;
        for (int len : shape) {
            vertices *= Math.max(len, 0);
            longAxes += len > 1 ? 1 : 0;
        }
        // simplices per vertex of each dimension: 1-D 1, 1; 2-D 1, 3, 2; 3-D 1, 7, 12, 6
        long[][] perVertex = {{1}, {1, 1}, {1, 3, 2}, {1, 7, 12, 6}};
        long[] counts = perVertex[Math.min(longAxes, 3)];
        long total = 0;
        for (int d = 0; d < counts.length && d <= maxDimension + 1; d++) {
            total += counts[d];
        }
        return vertices * total;
    }

    private IllegalArgumentException notFor(String input) {
        return new IllegalArgumentException("the " + name() + " filtration does not take " + input);
    }

    /** Row-major values as shape[0] points of shape[1] coordinates (a 1-D shape: points on a line). */
    private static double[][] points(double[] values, int[] shape) {
        int n = shape.length == 0 ? 0 : shape[0];
        int d = shape.length == 1 ? 1 : shape.length == 2 ? shape[1] : -1;
        if (d < 0 || (long) n * d != values.length) {
            throw new IllegalArgumentException("a point cloud needs shape [n, d] with n·d values, got shape "
                    + Arrays.toString(shape) + " and " + values.length + " values");
        }
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = Arrays.copyOfRange(values, i * d, i * d + d);
        }
        return points;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FiltrationSpec f && kind == f.kind && levelSet == f.levelSet && alphaMode == f.alphaMode
                && maxDimension == f.maxDimension && Double.compare(threshold, f.threshold) == 0 && modulus == f.modulus;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, levelSet, alphaMode, maxDimension, threshold, modulus);
    }

    @Override
    public String toString() {
        return name() + " (maxdim " + maxDimension + (kind == Kind.RIPS ? ", threshold " + threshold : "")
                + (modulus != 2 ? ", Z/" + modulus : "") + ")";
    }
}
