package org.topolayer.limits;

/**
 * Memory to load an input as doubles, known before reading it: exactly from a binary header's
 * shape, or as a bound from a text file's length (a value takes at least two characters, a digit
 * and a separator, so a file of b bytes holds at most b/2 values).
 */
public final class LoadSize implements SizeEstimate {
    private final double values;
    private final String what;

    private LoadSize(double values, String what) {
        this.values = values;
        this.what = what;
    }

    /** An array of the given shape. */
    public static LoadSize ofShape(int[] shape) {
        double values = 1;
        StringBuilder text = new StringBuilder();
        for (int len : shape) {
            values *= len;
            text.append(text.length() > 0 ? "×" : "").append(len);
        }
        return new LoadSize(values, "loading a " + text + " array");
    }

    /** A text file of {@code bytes} bytes. */
    public static LoadSize ofText(long bytes) {
        return new LoadSize(bytes / 2.0, "loading a text file of " + MemoryBudget.human(bytes));
    }

    @Override
    public long bytes() {
        return (long) Math.min(8 * values, Long.MAX_VALUE);
    }

    @Override
    public String describe() {
        return what;
    }

    @Override
    public String remedy(long budget) {
        return "split the input into smaller samples, or give each task more memory";
    }
}
