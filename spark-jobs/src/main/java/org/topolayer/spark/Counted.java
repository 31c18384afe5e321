package org.topolayer.spark;

import java.util.Iterator;
import org.apache.spark.util.LongAccumulator;

/** Iterators that count the elements they hand out into an accumulator (for the progress line). */
public final class Counted {
    private Counted() {}

    public static <T> Iterator<T> iterator(Iterator<T> inner, LongAccumulator counter) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public T next() {
                T next = inner.next();
                counter.add(1);
                return next;
            }
        };
    }
}
