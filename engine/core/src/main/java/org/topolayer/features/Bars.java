package org.topolayer.features;

/** Shared checks and bar arithmetic for features: bars may be sublevel (b ≤ d) or superlevel (b ≥ d). */
final class Bars {
    private Bars() {}

    static void checkDiagram(double[] births, double[] deaths) {
        if (births.length != deaths.length) {
            throw new IllegalArgumentException("a diagram needs as many deaths as births, got " + births.length
                    + " births and " + deaths.length + " deaths");
        }
        for (int i = 0; i < births.length; i++) {
            if (Double.isNaN(births[i]) || Double.isNaN(deaths[i]) || Double.isInfinite(births[i])) {
                throw new IllegalArgumentException("bar " + i + " is (" + births[i] + ", " + deaths[i]
                        + "); births must be finite and deaths finite or ±∞");
            }
        }
    }

    static void checkGradient(double[] births, double[] upstream, int entries, double[] dBirths, double[] dDeaths) {
        if (upstream.length != entries) {
            throw new IllegalArgumentException("upstream gradient has " + upstream.length + " entries, the feature has "
                    + entries);
        }
        if (dBirths.length != births.length || dDeaths.length != births.length) {
            throw new IllegalArgumentException("gradient arrays have " + dBirths.length + " and " + dDeaths.length
                    + " entries, the diagram has " + births.length + " bars");
        }
    }

    static boolean isFinite(double[] deaths, int i) {
        return !Double.isInfinite(deaths[i]);
    }

    /** |d − b|. */
    static double length(double[] births, double[] deaths, int i) {
        return Math.abs(deaths[i] - births[i]);
    }

    /** ∂|d − b|/∂d (= −∂/∂b); 0 for a zero-length bar (a subgradient). */
    static double lengthSlope(double[] births, double[] deaths, int i) {
        return Math.signum(deaths[i] - births[i]);
    }

    /** Whether bar i enters length-based features: finite, and of non-zero length if asked. */
    static boolean counts(double[] births, double[] deaths, int i, boolean dropZero) {
        return isFinite(deaths, i) && !(dropZero && deaths[i] == births[i]);
    }

    /**
     * Indices of the (at most) m longest counted bars, longest first; equal lengths keep diagram
     * order. A bounded min-heap: O(n log m), no boxing.
     */
    static int[] longest(double[] births, double[] deaths, int m, boolean dropZero) {
        int[] heap = new int[Math.min(m, births.length)];
        int size = 0;
        for (int i = 0; i < births.length; i++) {
            if (!counts(births, deaths, i, dropZero)) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = i;
                siftUp(births, deaths, heap, size++);
            } else if (size > 0 && before(births, deaths, i, heap[0])) {
                heap[0] = i;
                siftDown(births, deaths, heap, size);
            }
        }
        int[] out = new int[size];
        for (int k = size - 1; k >= 0; k--) { // pop the weakest first
            out[k] = heap[0];
            heap[0] = heap[--size];
            siftDown(births, deaths, heap, size);
        }
        return out;
    }

    /** True if bar i ranks before bar j: longer, or as long and earlier in the diagram. */
    private static boolean before(double[] births, double[] deaths, int i, int j) {
        double li = length(births, deaths, i), lj = length(births, deaths, j);
        return li > lj || (li == lj && i < j);
    }

    private static void siftUp(double[] births, double[] deaths, int[] heap, int k) {
        while (k > 0 && before(births, deaths, heap[(k - 1) / 2], heap[k])) {
            swap(heap, k, (k - 1) / 2);
            k = (k - 1) / 2;
        }
    }

    private static void siftDown(double[] births, double[] deaths, int[] heap, int size) {
        int k = 0;
        while (2 * k + 1 < size) {
            int child = 2 * k + 1;
            if (child + 1 < size && before(births, deaths, heap[child], heap[child + 1])) {
                child++;
            }
            if (!before(births, deaths, heap[k], heap[child])) {
                return;
            }
            swap(heap, k, child);
            k = child;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    static void checkDimension(int dimension) {
        if (dimension < 0) {
            throw new IllegalArgumentException("homology dimension must be ≥ 0, got " + dimension);
        }
    }
}
