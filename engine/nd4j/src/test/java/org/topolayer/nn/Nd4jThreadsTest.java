package org.topolayer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jThreadsTest {
    @Test
    void capsTheOpThreadsAndOpenBlasPool() {
        int ops = Nd4j.getEnvironment().maxThreads();
        int blas = Nd4j.factory().blas().getMaxThreads();
        try {
            Nd4jThreads.limit(1);
            assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
            assertEquals(1, Nd4j.factory().blas().getMaxThreads(), "OpenBLAS's own pool must be capped too");
        } finally {
            Nd4j.getEnvironment().setMaxThreads(ops);
            Nd4j.getEnvironment().setMaxMasterThreads(ops);
            Nd4j.factory().blas().setMaxThreads(blas);
        }
    }

    @Test
    void refusesZeroThreads() {
        assertEquals("ND4J needs at least one thread, got 0",
                assertThrows(IllegalArgumentException.class, () -> Nd4jThreads.limit(0)).getMessage());
    }
}
