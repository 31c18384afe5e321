package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The cores a summary reports: local masters read as Spark reads them; a cluster's are counted from its executors. */
class TaskCoresTest {
    @Test
    void localMastersGiveTheirThreads() {
        assertEquals(1, TopoSpark.localCores("local"));
        assertEquals(3, TopoSpark.localCores("local[3]"));
        assertEquals(4, TopoSpark.localCores("local[4,2]"));
        assertEquals(Runtime.getRuntime().availableProcessors(), TopoSpark.localCores("local[*]"));
        assertEquals(0, TopoSpark.localCores("spark://127.0.0.1:7077"));
        assertEquals(0, TopoSpark.localCores("local-cluster[2,1,1024]")); // executors in other JVMs: counted as a cluster
    }
}
