package org.topolayer.spark;

import java.util.Iterator;
import org.apache.spark.util.LongAccumulator;

/**
 * Iterators that count the elements they hand out into accumulators: for the progress line, and,
 * inside the action that writes the output, exact counts (Spark applies each successful task's
 * updates of an action's accumulators once).
 */
public final class Counted {
    private Counted() {}

    public static <T> Iterator<T> iterator(Iterator<T> inner, LongAccumulator counter) {
        return iterator(inner, counter, t -> false, counter);
    }

    /** Also counts the elements that match {@code flag} into {@code flagged}. */
    public static <T> Iterator<T> iterator(Iterator<T> inner, LongAccumulator counter,
                                           java.util.function.Predicate<T> flag, LongAccumulator flagged) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public T next() {
                T next = inner.next();
                counter.add(1);
                if (flag.test(next)) {
                    flagged.add(1);
                }
                return next;
            }
        };
    }
}
