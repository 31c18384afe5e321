package org.topolayer.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.topolayer.complex.SimplicialComplex;
import org.topolayer.io.Simplices;

/** The memory budget and the size estimates: exact counts where they are exact, bounds where they bound. */
class SizeEstimatesTest {
    @Test
    void budgetsParseSizesAndRefuseNonsense() {
        assertEquals(512L << 20, MemoryBudget.parse("512m", "--memory-budget").bytes());
        assertEquals(2L << 30, MemoryBudget.parse("2g", "--memory-budget").bytes());
        assertEquals(3L << 29, MemoryBudget.parse("1.5G", "--memory-budget").bytes());
        assertEquals(1000, MemoryBudget.parse("1000", "--memory-budget").bytes());
        assertEquals(64L << 10, MemoryBudget.parse("64KiB", "--memory-budget").bytes());
        assertEquals((long) (Runtime.getRuntime().maxMemory() * 0.8), MemoryBudget.parse("auto", "--memory-budget").bytes());
        for (String bad : List.of("0", "-1", "lots", "1x", "", "1e9", "NaN")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MemoryBudget.parse(bad, "--memory-budget"), bad);
            assertTrue(e.getMessage().startsWith("--memory-budget must be a size such as 512m"), e.getMessage());
        }
        assertEquals("1.5 GiB", MemoryBudget.human(3L << 29));
        assertEquals("950 bytes", MemoryBudget.human(950));
        assertEquals("12 MiB", MemoryBudget.human(12L << 20));
        MemoryBudget shared = MemoryBudget.ofHeap(4L << 30, 4);
        assertEquals("819 MiB (80% of the 4.0 GiB heap shared by 4 tasks)", shared.describe());
    }

    @Test
    void complexFacesBoundTheBuiltComplex() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("complex", ".txt");
        try {
            java.nio.file.Files.writeString(file, "0 1 2 3\n2 3 4\n4 5\n6\n");
            Simplices listed = org.topolayer.io.ComplexReader.read(file);
            SimplicialComplex.Builder builder = SimplicialComplex.builder();
            for (int i = 0; i < listed.size(); i++) {
                builder.add(listed.get(i));
            }
            int built = builder.build().size();
            ComplexSize size = ComplexSize.of(listed, 1);
            // 7 vertices; 11 larger faces of the tetrahedron, 4 of the triangle, 1 edge; the shared edge 2-3 twice
            assertEquals(7 + 11 + 4 + 1, size.faces(Integer.MAX_VALUE), 1e-9);
            assertEquals(built + 1, size.faces(Integer.MAX_VALUE), 1e-9);
            assertEquals(7 + 6 + 4 + 3 + 1 + 1, size.faces(2), 1e-9);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
