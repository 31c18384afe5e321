package org.topolayer.complex;

import java.math.BigDecimal;

/**
 * Exact geometric sign tests on double coordinates. Each test first evaluates in floating point
 * with a forward error bound; only when the result is within that bound (or under/overflow makes
 * the bound meaningless) is it recomputed exactly with {@link BigDecimal}, which represents every
 * double and its sums and products without rounding. Degenerate inputs (grids, cocircular points)
 * hit the exact path often; random inputs almost never.
 */
final class Predicates {
    private static final double EPS = 0x1p-53;
    // Generous multiples of the published first-stage bounds (3ε, 10ε): a larger bound only sends
    // more cases to the exact path.
    private static final double ORIENT_BOUND = 4 * EPS;
    private static final double IN_CIRCLE_BOUND = 12 * EPS;
    private static final double DOT_BOUND = 8 * EPS;
    /** Below this the bound itself may have lost accuracy to underflow. */
    private static final double SMALLEST_TRUSTED_BOUND = 0x1p-960;

    private Predicates() {}

    /** Sign of the signed area of (a, b, c): +1 counter-clockwise, -1 clockwise, 0 collinear. */
    static int orient(double ax, double ay, double bx, double by, double cx, double cy) {
        double left = (ax - cx) * (by - cy);
        double right = (ay - cy) * (bx - cx);
        double det = left - right;
        double bound = ORIENT_BOUND * (Math.abs(left) + Math.abs(right));
        if (isTrusted(det, bound)) {
            return det > 0 ? 1 : -1;
        }
        if ((ay == by && by == cy) || (ax == bx && bx == cx)) {
            return 0; // on one axis-parallel line (e.g. 1-D points): exactly collinear, no big numbers needed
        }
        BigDecimal acx = big(ax).subtract(big(cx)), acy = big(ay).subtract(big(cy));
        BigDecimal bcx = big(bx).subtract(big(cx)), bcy = big(by).subtract(big(cy));
        return acx.multiply(bcy).subtract(acy.multiply(bcx)).signum();
    }

    /**
     * +1 if d is strictly inside the circle through a, b, c (given counter-clockwise), -1 if
     * strictly outside, 0 if on it.
     */
    static int inCircle(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy) {
        double adx = ax - dx, ady = ay - dy;
        double bdx = bx - dx, bdy = by - dy;
        double cdx = cx - dx, cdy = cy - dy;
        double bc = bdx * cdy - cdx * bdy;
        double ca = cdx * ady - adx * cdy;
        double ab = adx * bdy - bdx * ady;
        double aLift = adx * adx + ady * ady;
        double bLift = bdx * bdx + bdy * bdy;
        double cLift = cdx * cdx + cdy * cdy;
        double det = aLift * bc + bLift * ca + cLift * ab;
        double permanent = (Math.abs(bdx * cdy) + Math.abs(cdx * bdy)) * aLift
                + (Math.abs(cdx * ady) + Math.abs(adx * cdy)) * bLift
                + (Math.abs(adx * bdy) + Math.abs(bdx * ady)) * cLift;
        if (isTrusted(det, IN_CIRCLE_BOUND * permanent)) {
            return det > 0 ? 1 : -1;
        }
        BigDecimal eAx = big(ax).subtract(big(dx)), eAy = big(ay).subtract(big(dy));
        BigDecimal eBx = big(bx).subtract(big(dx)), eBy = big(by).subtract(big(dy));
        BigDecimal eCx = big(cx).subtract(big(dx)), eCy = big(cy).subtract(big(dy));
        BigDecimal exactBc = eBx.multiply(eCy).subtract(eCx.multiply(eBy));
        BigDecimal exactCa = eCx.multiply(eAy).subtract(eAx.multiply(eCy));
        BigDecimal exactAb = eAx.multiply(eBy).subtract(eBx.multiply(eAy));
        return lift(eAx, eAy).multiply(exactBc)
                .add(lift(eBx, eBy).multiply(exactCa))
                .add(lift(eCx, eCy).multiply(exactAb))
                .signum();
    }

    /**
     * Sign of (p − a)·(p − b): -1 when p is strictly inside the circle with diameter ab, 0 on it,
     * +1 outside.
     */
    static int diametral(double ax, double ay, double bx, double by, double px, double py) {
        double xTerm = (px - ax) * (px - bx);
        double yTerm = (py - ay) * (py - by);
        double dot = xTerm + yTerm;
        if (isTrusted(dot, DOT_BOUND * (Math.abs(xTerm) + Math.abs(yTerm)))) {
            return dot > 0 ? 1 : -1;
        }
        BigDecimal bpx = big(px), bpy = big(py);
        return bpx.subtract(big(ax)).multiply(bpx.subtract(big(bx)))
                .add(bpy.subtract(big(ay)).multiply(bpy.subtract(big(by))))
                .signum();
    }

    private static boolean isTrusted(double value, double bound) {
        return Math.abs(value) > bound && bound > SMALLEST_TRUSTED_BOUND && bound < Double.POSITIVE_INFINITY;
    }

    private static BigDecimal lift(BigDecimal x, BigDecimal y) {
        return x.multiply(x).add(y.multiply(y));
    }

    private static BigDecimal big(double v) {
        return new BigDecimal(v);
    }
}
