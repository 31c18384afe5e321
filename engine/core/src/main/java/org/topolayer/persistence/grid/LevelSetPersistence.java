package org.topolayer.persistence.grid;

import org.topolayer.complex.GridComplex;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.LowerStarPersistence;
import org.topolayer.persistence.PersistenceDiagrams;

/**
 * Level-set persistence of signals (1-D), images (2-D) and volumes (3-D) on the Freudenthal
 * triangulation (docs/design.md §2), sublevel or superlevel. Values are row-major; vertex index =
 * linear index. Grids with at most two axes longer than 1 (signals, images, 1×H×W volumes) of at
 * most {@link FreudenthalGridPersistence#MAX_PIXELS} values take the reduction-free
 * {@link FreudenthalGridPersistence} ({@link #isImage}); volumes (three axes of length ≥ 2, up to
 * {@link FreudenthalVolumePersistence#MAX_VOXELS} voxels) take {@link FreudenthalVolumePersistence}
 * (union-find, duality and implicit cohomology: no complex built). Only a larger volume builds the
 * Kuhn complex for the general sparse reduction (which would need far more memory than any heap).
 */
public final class LevelSetPersistence {
    private static final ThreadLocal<FreudenthalGridPersistence> WORKSPACE =
            ThreadLocal.withInitial(FreudenthalGridPersistence::new);
    private static final ThreadLocal<FreudenthalVolumePersistence> VOLUME_WORKSPACE =
            ThreadLocal.withInitial(FreudenthalVolumePersistence::new);

    private LevelSetPersistence() {}

    /**
     * @param values row-major values, one per grid point
     * @param shape    1 to 3 axis lengths whose product is values.length
     * @param levelSet sublevel or superlevel sets
     * @throws IllegalArgumentException on a shape mismatch, a NaN/infinite value or maxDimension &lt; 0
     */
    public static PersistenceDiagrams compute(double[] values, int[] shape, int maxDimension, LevelSet levelSet) {
        validate(values, shape, maxDimension);
        if (isImage(shape)) {
            int longAxes = 0, height = 1;
            for (int len : shape) {
                if (len != 1) {
                    longAxes++;
                    height = longAxes == 1 ? len : height;
                }
            }
            height = longAxes == 2 ? height : 1;
            int width = height == 0 ? 0 : values.length / height;
            return WORKSPACE.get().compute(values, height, width, maxDimension, levelSet.isSuperlevel());
        }
        if (isVolume(shape)) {
            return VOLUME_WORKSPACE.get().compute(values, shape[0], shape[1], shape[2], maxDimension,
                    levelSet.isSuperlevel());
        }
        return LowerStarPersistence.compute(GridComplex.freudenthal(shape, maxDimension + 1), values, maxDimension,
                levelSet);
    }

    /**
     * Whether a grid takes the matrix-free volume path ({@link FreudenthalVolumePersistence}): three
     * axes, each at least 2 long, at most {@link FreudenthalVolumePersistence#MAX_VOXELS} voxels.
     */
    public static boolean isVolume(int[] shape) {
        return shape.length == 3 && shape[0] >= 2 && shape[1] >= 2 && shape[2] >= 2
                && (long) shape[0] * shape[1] * shape[2] <= FreudenthalVolumePersistence.MAX_VOXELS;
    }

    /**
     * Whether a grid takes the reduction-free image path (no complex is built): axes of length 1
     * do not change the triangulation, so a shape with at most two longer axes is an H×W image.
     */
    public static boolean isImage(int[] shape) {
        int longAxes = 0;
        long size = 1;
        for (int len : shape) {
            longAxes += len != 1 ? 1 : 0;
            size *= len;
        }
        return longAxes <= 2 && size <= FreudenthalGridPersistence.MAX_PIXELS;
    }

    private static void validate(double[] values, int[] shape, int maxDimension) {
        if (maxDimension < 0) {
            throw new IllegalArgumentException("maxdim must be ≥ 0, got " + maxDimension);
        }
        if (shape.length < 1 || shape.length > 3) {
            throw new IllegalArgumentException("level sets take 1-D, 2-D or 3-D grids, got a shape with "
                    + shape.length + " axes");
        }
        long product = 1;
        for (int len : shape) {
            if (len < 0) {
                throw new IllegalArgumentException("negative axis length in shape " + java.util.Arrays.toString(shape));
            }
            product *= len;
        }
        if (product != values.length) {
            throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " needs " + product
                    + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value at index " + i + " is " + values[i] + "; values must be finite");
            }
        }
    }
}
