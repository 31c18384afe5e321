package org.topolayer.persistence.representatives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.topolayer.filtration.Filtration;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PrimeField;

/**
 * Checks representatives against the definitions, independently of the reduction: boundaries and
 * coboundaries from vertex lists (signs (−1)^k of the dropped vertex's position), and ranks by
 * Gaussian elimination over Z/p. For each value t and dimension k, the representatives of the bars
 * alive at t (birth ≤ t &lt; death) must be linearly independent modulo boundaries (cycles of K_t)
 * or coboundaries (cocycles restricted to K_t): with as many bars as the Betti number, a basis.
 */
final class ChainChecks {
    private final Filtration f;
    private final PrimeField field;
    private final int p;
    private final Map<List<Integer>, Integer> index = new HashMap<>();

    ChainChecks(Filtration f, PrimeField field) {
        this.f = f;
        this.field = field;
        this.p = field.modulus();
        for (int i = 0; i < f.size(); i++) {
            index.put(asList(f.vertices(i)), i);
        }
    }

    /** Every check on every bar of every dimension. */
    void check(RepresentedDiagrams rep) {
        int sign = f.reportSign();
        TreeSet<Double> values = new TreeSet<>();
        for (int i = 0; i < f.size(); i++) {
            values.add(f.value(i));
        }
        for (Diagram d : rep.diagrams()) {
            int k = d.dimension();
            List<Map<Integer, Integer>> chains = new ArrayList<>();
            double[] birth = new double[d.size()], death = new double[d.size()];
            for (int i = 0; i < d.size(); i++) {
                Chain z = rep.representative(k, i);
                assertNotNull(z);
                assertEquals(k, z.dimension());
                assertTrue(z.size() > 0, "empty representative");
                birth[i] = sign * d.birth(i) + 0.0;
                death[i] = sign * d.death(i) + 0.0; // sublevel form; +∞ for essential bars
                TreeMap<Integer, Integer> chain = asVector(z);
                chains.add(chain);
                if (rep.kind() == Representatives.Kind.CYCLES) {
                    checkCycle(chain, k, birth[i], death[i]);
                } else {
                    checkCocycle(chain, k, birth[i], death[i]);
                }
            }
            for (double t : values) {
                List<Map<Integer, Integer>> alive = new ArrayList<>();
                for (int i = 0; i < d.size(); i++) {
                    if (birth[i] <= t && t < death[i]) {
                        alive.add(rep.kind() == Representatives.Kind.CYCLES ? chains.get(i) : restricted(chains.get(i), t));
                    }
                }
                List<Map<Integer, Integer>> trivial = rep.kind() == Representatives.Kind.CYCLES ? boundaries(k + 1, t)
                        : coboundaries(k - 1, t);
                int base = rank(trivial);
                List<Map<Integer, Integer>> all = new ArrayList<>(trivial);
                all.addAll(alive);
                assertEquals(base + alive.size(), rank(all), "H" + k + " at " + t + ": the " + alive.size()
                        + " representatives alive are not independent modulo " + (rep.kind()
                        == Representatives.Kind.CYCLES ? "boundaries" : "coboundaries"));
            }
        }
    }

    /** The chain as a vector over filtration indices, coefficients in [0, p). */
    TreeMap<Integer, Integer> asVector(Chain z) {
        TreeMap<Integer, Integer> v = new TreeMap<>();
        for (int i = 0; i < z.size(); i++) {
            Integer at = index.get(asList(z.simplex(i)));
            assertNotNull(at, "simplex " + Arrays.toString(z.simplex(i)) + " is not in the filtration");
            int c = Math.floorMod(z.signedCoefficient(i), p);
            assertTrue(c != 0 && c == z.coefficient(i));
            assertEquals(null, v.put(at, c), "simplex listed twice");
            assertEquals(f.reportSign() * f.value(at) + 0.0, z.value(i), "the simplex's value");
        }
        return v;
    }

    private void checkCycle(TreeMap<Integer, Integer> z, int k, double birth, double death) {
        assertTrue(boundary(z).isEmpty(), "boundary of a cycle is not zero: " + z);
        double youngest = z.keySet().stream().mapToDouble(f::value).max().orElseThrow();
        assertEquals(birth, youngest, "the cycle's youngest simplex is not at the birth value");
        assertEquals(1, z.lastEntry().getValue(), "the birth simplex's coefficient");
        if (death < Double.POSITIVE_INFINITY) {
            List<Map<Integer, Integer>> b = boundaries(k + 1, death);
            int base = rank(b);
            b.add(z);
            assertEquals(base, rank(b), "a finite bar's cycle is not a boundary at its death value");
        }
    }

    private void checkCocycle(TreeMap<Integer, Integer> z, int k, double birth, double death) {
        double oldest = z.keySet().stream().mapToDouble(f::value).min().orElseThrow();
        assertEquals(birth, oldest, "the cocycle's oldest simplex is not at the birth value");
        assertEquals(1, z.firstEntry().getValue(), "the birth simplex's coefficient");
        Map<Integer, Integer> delta = coboundary(z, k);
        for (Map.Entry<Integer, Integer> e : delta.entrySet()) {
            assertFalse(f.value(e.getKey()) < death, "coboundary of a cocycle is nonzero on "
                    + Arrays.toString(f.vertices(e.getKey())) + " before the death value " + death);
        }
        if (death < Double.POSITIVE_INFINITY) {
            assertTrue(delta.keySet().stream().anyMatch(t -> f.value(t) == death),
                    "a finite bar's cocycle is still a cocycle at its death value");
        }
    }

    Map<Integer, Integer> boundary(Map<Integer, Integer> chain) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (Map.Entry<Integer, Integer> e : chain.entrySet()) {
            int[] v = f.vertices(e.getKey());
            if (v.length == 1) {
                continue;
            }
            for (int k = 0; k < v.length; k++) {
                int face = index.get(asList(without(v, k)));
                add(out, face, field.multiply(e.getValue(), field.sign(k)));
            }
        }
        return out;
    }

    private Map<Integer, Integer> coboundary(Map<Integer, Integer> cochain, int k) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (int t = 0; t < f.size(); t++) {
            int[] v = f.vertices(t);
            if (v.length != k + 2) {
                continue;
            }
            for (int j = 0; j < v.length; j++) {
                Integer c = cochain.get(index.get(asList(without(v, j))));
                if (c != null) {
                    add(out, t, field.multiply(c, field.sign(j)));
                }
            }
        }
        return out;
    }

    /** Boundaries of the dim-simplices entering at or before t. */
    private List<Map<Integer, Integer>> boundaries(int dim, double t) {
        List<Map<Integer, Integer>> out = new ArrayList<>();
        for (int s = 0; s < f.size(); s++) {
            if (f.dimension(s) == dim && f.value(s) <= t) {
                out.add(boundary(Map.of(s, 1)));
            }
        }
        return out;
    }

    /** Coboundaries in K_t of the dim-simplices of K_t. */
    private List<Map<Integer, Integer>> coboundaries(int dim, double t) {
        List<Map<Integer, Integer>> out = new ArrayList<>();
        for (int s = 0; s < f.size(); s++) {
            if (dim >= 0 && f.dimension(s) == dim && f.value(s) <= t) {
                out.add(restricted(coboundary(Map.of(s, 1), dim), t));
            }
        }
        return out;
    }

    private Map<Integer, Integer> restricted(Map<Integer, Integer> v, double t) {
        Map<Integer, Integer> out = new TreeMap<>();
        v.forEach((s, c) -> {
            if (f.value(s) <= t) {
                out.put(s, c);
            }
        });
        return out;
    }

    /** Rank over Z/p by elimination on the largest index. */
    int rank(List<Map<Integer, Integer>> vectors) {
        Map<Integer, TreeMap<Integer, Integer>> byPivot = new HashMap<>();
        int rank = 0;
        for (Map<Integer, Integer> vector : vectors) {
            TreeMap<Integer, Integer> v = new TreeMap<>(vector);
            v.values().removeIf(c -> c == 0);
            while (!v.isEmpty()) {
                int pivot = v.lastKey();
                TreeMap<Integer, Integer> other = byPivot.get(pivot);
                if (other == null) {
                    byPivot.put(pivot, v);
                    rank++;
                    break;
                }
                int factor = field.negate(field.multiply(v.get(pivot), field.inverse(other.get(pivot))));
                other.forEach((s, c) -> add(v, s, field.multiply(factor, c)));
            }
        }
        return rank;
    }

    private void add(Map<Integer, Integer> v, int at, int c) {
        int sum = field.add(v.getOrDefault(at, 0), c);
        if (sum == 0) {
            v.remove(at);
        } else {
            v.put(at, sum);
        }
    }

    private static int[] without(int[] v, int k) {
        int[] out = new int[v.length - 1];
        for (int i = 0, j = 0; i < v.length; i++) {
            if (i != k) {
                out[j++] = v[i];
            }
        }
        return out;
    }

    private static List<Integer> asList(int[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
