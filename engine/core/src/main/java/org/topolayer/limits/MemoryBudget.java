package org.topolayer.limits;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much heap a computation may take. Computations are checked against it before they run
 * ({@link #require}), so a too-large request fails at once with the estimate and a remedy instead
 * of an OutOfMemoryError minutes later. The default is a share of the JVM's maximum heap, leaving
 * room for what the program holds besides the computation.
 */
public final class MemoryBudget {
    /** Share of the maximum heap a computation may use by default. */
    static final double HEAP_SHARE = 0.8;
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)i?b?", Pattern.CASE_INSENSITIVE);

    private final long bytes;
    private final String origin;

    private MemoryBudget(long bytes, String origin) {
        this.bytes = bytes;
        this.origin = origin;
    }

    /** {@value #HEAP_SHARE} of this JVM's maximum heap. */
    public static MemoryBudget ofHeap() {
        return ofHeap(Runtime.getRuntime().maxMemory(), 1);
    }

    /** A share of a heap of {@code heapBytes} that {@code sharers} computations use at once (e.g. a Spark executor's tasks). */
    public static MemoryBudget ofHeap(long heapBytes, int sharers) {
        long share = (long) (heapBytes * HEAP_SHARE / sharers);
        String heap = human(heapBytes) + " heap" + (sharers > 1 ? " shared by " + sharers + " tasks" : "");
        return new MemoryBudget(share, Math.round(HEAP_SHARE * 100) + "% of the " + heap);
    }

    /**
     * A size such as {@code 512m}, {@code 2g}, {@code 1.5G}, {@code 800000000} (bytes), or
     * {@code auto} for {@link #ofHeap()}.
     *
     * @throws IllegalArgumentException naming the option and the accepted forms
     */
    public static MemoryBudget parse(String text, String option) {
        if (text.strip().equalsIgnoreCase("auto")) {
            return ofHeap();
        }
        Matcher m = SIZE.matcher(text.strip());
        double bytes = -1;
        if (m.matches()) {
            int power = "bkmgt".indexOf(m.group(2).isEmpty() ? 'b' : Character.toLowerCase(m.group(2).charAt(0)));
            bytes = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        }
        if (!(bytes >= 1 && bytes < Long.MAX_VALUE)) {
            throw new IllegalArgumentException(option + " must be a size such as 512m, 2g or 1.5g (or auto), got '"
                    + text + "'");
        }
        return new MemoryBudget((long) bytes, option + " " + text.strip());
    }

    public long bytes() {
        return bytes;
    }

    /** "1.6 GiB (80% of the 2.0 GiB heap)". */
    public String describe() {
        return human(bytes) + " (" + origin + ")";
    }

    /** @throws OverBudgetException if the estimate exceeds the budget, with the estimate and the remedy */
    public void require(SizeEstimate estimate) {
        long need = estimate.bytes();
        if (need > bytes) {
            throw new OverBudgetException(estimate.describe() + " needs about " + human(need)
                    + " (estimate), over the memory budget of " + describe() + "; " + estimate.remedy(bytes));
        }
    }

    /** Bytes in binary units with two significant digits or more: "950 MiB", "1.6 GiB". */
    public static String human(double bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int u = 0;
        while (bytes >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, bytes < 10 && u > 0 ? "%.1f %s" : "%.0f %s", bytes, units[u]);
    }
}
