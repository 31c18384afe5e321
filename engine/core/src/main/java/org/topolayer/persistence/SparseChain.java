package org.topolayer.persistence;

import java.util.Arrays;

/**
 * A growable sparse vector over Z/p: rows ascending with their nonzero coefficients. It is the
 * working column of the Z/p column reductions ({@link SparseReduction}, and the representatives'
 * reduction, which keeps V too). Adding a multiple of a stored column is a merge that drops the
 * rows whose coefficients cancel. Not thread-safe: one per reduction.
 */
public final class SparseChain {
    private final PrimeField field;
    private int[] rows = new int[16];
    private int[] coefficients = new int[16];
    private int size;
    private int[] scratchRows = new int[16];
    private int[] scratchCoefficients = new int[16];

    public SparseChain(PrimeField field) {
        this.field = field;
    }

    public void clear() {
        size = 0;
    }

    /** Appends a row larger than every row held (callers load rows in ascending order). */
    public void append(int row, int coefficient) {
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, 2 * size);
            coefficients = Arrays.copyOf(coefficients, 2 * size);
        }
        rows[size] = row;
        coefficients[size++] = coefficient;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The largest row (the column's pivot); the chain is nonempty. */
    public int last() {
        return rows[size - 1];
    }

    public int lastCoefficient() {
        return coefficients[size - 1];
    }

    /** this ← this + factor · (otherRows, otherCoefficients), the other sorted ascending. */
    public void addMultiple(int[] otherRows, int[] otherCoefficients, int factor) {
        int need = size + otherRows.length;
        if (scratchRows.length < need) {
            scratchRows = new int[Math.max(need, 2 * scratchRows.length)];
            scratchCoefficients = new int[scratchRows.length];
        }
        int i = 0, j = 0, k = 0;
        while (i < size || j < otherRows.length) {
            int a = i < size ? rows[i] : Integer.MAX_VALUE;
            int b = j < otherRows.length ? otherRows[j] : Integer.MAX_VALUE;
            int row, c;
            if (a < b) {
                row = a;
                c = coefficients[i++];
            } else if (b < a) {
                row = b;
                c = field.multiply(factor, otherCoefficients[j++]);
            } else {
                row = a;
                c = field.add(coefficients[i++], field.multiply(factor, otherCoefficients[j++]));
            }
            if (c != 0) {
                scratchRows[k] = row;
                scratchCoefficients[k++] = c;
            }
        }
        int[] t = rows;
        rows = scratchRows;
        scratchRows = t;
        t = coefficients;
        coefficients = scratchCoefficients;
        scratchCoefficients = t;
        size = k;
    }

    public int[] rowsCopy() {
        return Arrays.copyOf(rows, size);
    }

    public int[] coefficientsCopy() {
        return Arrays.copyOf(coefficients, size);
    }
}
