package org.topolayer.persistence;

/**
 * The coefficient field Z/p of a persistence computation, p prime. Coefficients are ints in
 * [0, p); p is below 2¹⁵ so that a product of two coefficients fits an int with room to spare, and
 * a coefficient packs into the low {@link #bits()} bits of a simplex index (the Rips reduction
 * does this). Z/2, the default, takes the engines' coefficient-free fast paths.
 *
 * <p>Immutable and thread-safe.
 */
public final class PrimeField {
    /** Exclusive upper bound on the prime: 2¹⁵ (the largest accepted prime is 32 749). */
    public static final int LIMIT = 1 << 15;
    /** Z/2, the default field. */
    public static final PrimeField Z2 = new PrimeField(2);

    private final int p;
    private final int bits;
    private final int[] inverses;

    private PrimeField(int p) {
        this.p = p;
        this.bits = 32 - Integer.numberOfLeadingZeros(p - 1);
        this.inverses = new int[p];
        for (int a = 1; a < p; a++) {
            inverses[a] = power(a, p - 2); // Fermat: a^(p−2) = a⁻¹ mod p
        }
    }

    /**
     * Z/p.
     *
     * @throws IllegalArgumentException when p is not a prime in [2, 2¹⁵), in one line that says so
     */
    public static PrimeField of(int p) {
        if (p == 2) {
            return Z2;
        }
        if (p < 2 || p >= LIMIT || !isPrime(p)) {
            throw new IllegalArgumentException("the coefficient modulus must be a prime below " + LIMIT
                    + " (2, 3, 5, 7, …, 32749), got " + p);
        }
        return new PrimeField(p);
    }

    /** The prime p. */
    public int modulus() {
        return p;
    }

    /** True for Z/2, where coefficients are implicit (every nonzero one is 1). */
    public boolean isBinary() {
        return p == 2;
    }

    /** Bits a coefficient in [0, p) takes: ⌈log₂ p⌉. */
    public int bits() {
        return bits;
    }

    /** a⁻¹ for a in [1, p). */
    public int inverse(int a) {
        return inverses[a];
    }

    /** a·b mod p for a, b in [0, p). */
    public int multiply(int a, int b) {
        return a * b % p;
    }

    /** −a mod p for a in [0, p). */
    public int negate(int a) {
        return a == 0 ? 0 : p - a;
    }

    /** a + b mod p for a, b in [0, p). */
    public int add(int a, int b) {
        int s = a + b;
        return s >= p ? s - p : s;
    }

    /** (−1)^k as a coefficient: the sign of a boundary term. */
    public int sign(int k) {
        return (k & 1) == 0 ? 1 : p - 1;
    }

    private int power(int a, int e) {
        long result = 1, base = a;
        for (; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result = result * base % p;
            }
            base = base * base % p;
        }
        return (int) result;
    }

    private static boolean isPrime(int n) {
        for (int d = 2; (long) d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return n >= 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrimeField f && f.p == p;
    }

    @Override
    public int hashCode() {
        return p;
    }

    @Override
    public String toString() {
        return "Z/" + p;
    }
}
