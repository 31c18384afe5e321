package org.topolayer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.topolayer.filtration.LevelSet;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.persistence.grid.LevelSetPersistence;

class SyntheticImagesTest {
    /** Components and holes of each class, in class order. */
    private static final int[][] BETTI = {{1, 0}, {1, 1}, {2, 0}, {3, 0}, {1, 0}, {1, 0}, {1, 2}, {1, 0}, {1, 1},
        {2, 2}};

    /** Bars of the superlevel diagram longer than 0.5: the shape's robust topology. */
    private static int robust(Diagram d) {
        int count = 0;
        for (int i = 0; i < d.size(); i++) {
            count += d.persistence(i) > 0.5 ? 1 : 0;
        }
        return count;
    }

    @Test
    void everyClassHasItsTopology() {
        ImageDataset data = SyntheticImages.generate(200, 7);
        for (int i = 0; i < data.size(); i++) {
            PersistenceDiagrams pd = LevelSetPersistence.compute(data.images()[i], new int[] {28, 28}, 1, LevelSet.SUPERLEVEL);
            int label = data.labels()[i];
            String what = "sample " + i + " (" + data.classNames()[label] + ")";
            assertEquals(BETTI[label][0], robust(pd.get(0)), what + " components");
            assertEquals(BETTI[label][1], robust(pd.get(1)), what + " holes");
        }
    }

    @Test
    void sameSeedSameImages() {
        assertEquals(java.util.Arrays.deepToString(SyntheticImages.generate(5, 3).images()),
                java.util.Arrays.deepToString(SyntheticImages.generate(5, 3).images()));
    }
}
