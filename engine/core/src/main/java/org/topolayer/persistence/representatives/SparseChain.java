package org.topolayer.persistence.representatives;

import java.util.Arrays;
import org.topolayer.persistence.PrimeField;

/**
 * A growable sparse vector over Z/p: rows ascending with their nonzero coefficients, the working
 * column (or its V part) of {@link ChainReduction}. Adding a multiple of a stored column is a merge
 * that drops the rows whose coefficients cancel.
 */
final class SparseChain {
    private final PrimeField field;
    int[] rows = new int[16];
    int[] coefficients = new int[16];
    int size;
    private int[] scratchRows = new int[16];
    private int[] scratchCoefficients = new int[16];

    SparseChain(PrimeField field) {
        this.field = field;
    }

    void clear() {
        size = 0;
    }

    /** Appends a row larger than every row held (callers load rows in ascending order). */
    void append(int row, int coefficient) {
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, 2 * size);
            coefficients = Arrays.copyOf(coefficients, 2 * size);
        }
        rows[size] = row;
        coefficients[size++] = coefficient;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The largest row (the column's pivot); the chain is nonempty. */
    int last() {
        return rows[size - 1];
    }

    int lastCoefficient() {
        return coefficients[size - 1];
    }

    /** this ← this + factor · (otherRows, otherCoefficients), the other sorted ascending. */
    void addMultiple(int[] otherRows, int[] otherCoefficients, int factor) {
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

    int[] rowsCopy() {
        return Arrays.copyOf(rows, size);
    }

    int[] coefficientsCopy() {
        return Arrays.copyOf(coefficients, size);
    }
}
