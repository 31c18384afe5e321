package org.topolayer.io;

import java.util.Random;

/**
 * Built-in inputs with known topology, generated in code so that a new user can run something
 * with no data at hand. Named {@code example:NAME} wherever a file is expected:
 * <ul>
 *   <li>{@code example:ring}: a 64×64 image of a bright ring (radius 20 px) on a dark background,
 *       for level-set persistence: one H1 bar from 0 to 1.</li>
 *   <li>{@code example:circle}: 100 points on the unit circle with Gaussian noise (σ = 0.05),
 *       for Rips and alpha persistence: one long H1 bar.</li>
 *   <li>{@code example:torus}: a 16×8 triangulated torus (128 vertices, 256 triangles) with the
 *       height of each vertex along a slightly tilted axis as its value, for lower-star
 *       persistence: essential bars of ranks 1, 2, 1 in H0, H1, H2.</li>
 * </ul>
 * Generation is deterministic (fixed seeds), so outputs are reproducible.
 */
public final class Examples {
    public static final String PREFIX = "example:";
    private static final String RING = PREFIX + "ring";
    private static final String CIRCLE = PREFIX + "circle";
    private static final String TORUS = PREFIX + "torus";
    private static final int TORUS_AROUND = 16;
    private static final int TORUS_TUBE = 8;

    private Examples() {
    }

    public static boolean isExample(String spec) {
        return spec.startsWith(PREFIX);
    }

    /**
     * A 64×64 image: 1 within 3 px of the circle of radius 20 about the centre, falling linearly to
     * 0 at 6 px. The flat top and bottom make the diagrams short and exact: no spurious maxima
     * along the crest.
     */
    public static Grid ring() {
        int size = 64;
        double centre = (size - 1) / 2.0;
        double[] values = new double[size * size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double distanceToCircle = Math.abs(Math.hypot(r - centre, c - centre) - 20);
                values[r * size + c] = Math.min(1, Math.max(0, (6 - distanceToCircle) / 3));
            }
        }
        return Grid.owning(values, size, size);
    }

    /** 100 points at uniform angles on the unit circle, each coordinate with N(0, 0.05²) noise. */
    public static double[][] circle() {
        Random random = new Random(42);
        double[][] points = new double[100][];
        for (int i = 0; i < points.length; i++) {
            double angle = 2 * Math.PI * random.nextDouble();
            points[i] = new double[] {Math.cos(angle) + 0.05 * random.nextGaussian(),
                    Math.sin(angle) + 0.05 * random.nextGaussian()};
        }
        return points;
    }

    /** The triangles of a torus grid: vertex (i, j) is i·8 + j, with both directions wrapping around. */
    public static Simplices torus() {
        int[][] triangles = new int[2 * TORUS_AROUND * TORUS_TUBE][];
        int[] lines = new int[triangles.length];
        int t = 0;
        for (int i = 0; i < TORUS_AROUND; i++) {
            for (int j = 0; j < TORUS_TUBE; j++) {
                int a = torusVertex(i, j);
                int b = torusVertex(i + 1, j);
                int c = torusVertex(i, j + 1);
                int d = torusVertex(i + 1, j + 1);
                lines[t] = t + 1;
                triangles[t++] = new int[] {a, b, d};
                lines[t] = t + 1;
                triangles[t++] = new int[] {a, c, d};
            }
        }
        return new Simplices(TORUS, triangles, lines);
    }

    /**
     * Vertex values of {@link #torus()}: the height x + 0.1·y + 0.01·z of vertex (i, j) on the torus
     * ((2 + cos v) cos u, (2 + cos v) sin u, sin v), u = 2πi/16, v = 2πj/8. The small tilts break
     * the torus's mirror symmetries, so the values are distinct and the height is a Morse function
     * (one minimum, two saddles, one maximum).
     */
    public static double[] torusHeights() {
        double[] heights = new double[TORUS_AROUND * TORUS_TUBE];
        for (int i = 0; i < TORUS_AROUND; i++) {
            for (int j = 0; j < TORUS_TUBE; j++) {
                double u = 2 * Math.PI * i / TORUS_AROUND;
                double v = 2 * Math.PI * j / TORUS_TUBE;
                double radius = 2 + Math.cos(v);
                heights[torusVertex(i, j)] = radius * Math.cos(u) + 0.1 * radius * Math.sin(u) + 0.01 * Math.sin(v);
            }
        }
        return heights;
    }

    static Grid grid(String spec) throws BadInputException {
        if (spec.equals(RING)) {
            return ring();
        }
        throw notOfKind(spec, "an image");
    }

    static double[][] points(String spec) throws BadInputException {
        if (spec.equals(CIRCLE)) {
            return circle();
        }
        throw notOfKind(spec, "a point cloud");
    }

    static Simplices complex(String spec) throws BadInputException {
        if (spec.equals(TORUS)) {
            return torus();
        }
        throw notOfKind(spec, "a complex");
    }

    static double[] vertexValues(String spec) throws BadInputException {
        if (spec.equals(TORUS)) {
            return torusHeights();
        }
        throw notOfKind(spec, "vertex values");
    }

    /** The error for an example used in a role it does not fill (or one that does not exist). */
    static BadInputException notOfKind(String spec, String wanted) {
        String is = switch (spec) {
            case RING -> "is an image (for the levelset filtration)";
            case CIRCLE -> "is a point cloud (for the rips and alpha filtrations)";
            case TORUS -> "is a complex with vertex values (for the complex filtration)";
            default -> null;
        };
        if (is == null) {
            return new BadInputException(spec, "no such example (available: " + RING + ", " + CIRCLE + ", " + TORUS + ")");
        }
        return new BadInputException(spec, is + ", not " + wanted);
    }

    private static int torusVertex(int i, int j) {
        return Math.floorMod(i, TORUS_AROUND) * TORUS_TUBE + Math.floorMod(j, TORUS_TUBE);
    }
}
