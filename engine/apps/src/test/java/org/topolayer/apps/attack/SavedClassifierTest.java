package org.topolayer.apps.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.data.ImageDataset;
import org.topolayer.data.SyntheticImages;
import org.topolayer.io.BadInputException;
import org.topolayer.io.Inputs;
import org.topolayer.nn.DifferentiableClassifier;
import org.topolayer.nn.Standardizer;

/** Classifier files: a save and a read give the same classifier; damaged files are refused in one line. */
class SavedClassifierTest {
    private static final ImageDataset DATA = SyntheticImages.generate(40, 5);
    private static final double[][] IMAGES = Arrays.copyOf(DATA.images(), 6);
    private static final int[] LABELS = Arrays.copyOf(DATA.labels(), 6);

    @TempDir
    Path dir;

    private static SavedClassifier topModel() {
        TopFeatureMap map = new TopFeatureMap(28, 28, new TopFeatureMap.Spec(2, 1.5, 2, true, true));
        double[][] features = map.features(DATA.images());
        Standardizer standardizer = Standardizer.fit(features);
        NetworkClassifier head = NetworkClassifier.logistic(map.size(), 10, 3).fit(standardizer.apply(features),
                DATA.labels(), new NetworkClassifier.Training(2, 16, 0.01, 3), NetworkClassifier.Progress.SILENT);
        return SavedClassifier.topModel("topmodel-logistic", new TopModel(map, standardizer, head));
    }

    private static SavedClassifier pixelCnn() {
        NetworkClassifier cnn = NetworkClassifier.cnn(28, 28, 10, 4).fit(DATA, new NetworkClassifier.Training(1, 20,
                1e-3, 4), NetworkClassifier.Progress.SILENT);
        return SavedClassifier.pixel("pixel-cnn", new int[] {28, 28}, cnn);
    }

    private SavedClassifier saveAndRead(SavedClassifier c, String name) throws IOException {
        Path file = dir.resolve("models").resolve(name); // the folder is created
        byte[] written = c.save(file);
        assertArrayEquals(written, Files.readAllBytes(file));
        return SavedClassifier.fromBytes(Inputs.bytes(file.toString(), "classifier file"), file.toString());
    }

    private static void assertSameFunction(DifferentiableClassifier expected, DifferentiableClassifier actual) {
        double[][] p = expected.probabilities(IMAGES), q = actual.probabilities(IMAGES);
        DifferentiableClassifier.LossGradient g = expected.lossGradient(IMAGES, LABELS);
        DifferentiableClassifier.LossGradient h = actual.lossGradient(IMAGES, LABELS);
        for (int i = 0; i < IMAGES.length; i++) {
            assertArrayEquals(p[i], q[i], 0, "probabilities of image " + i);
            assertArrayEquals(g.gradients()[i], h.gradients()[i], 0, "input gradient of image " + i);
        }
        assertArrayEquals(g.losses(), h.losses(), 0);
    }

    @Test
    void aTopModelReadBackPredictsAndDifferentiatesIdentically() throws IOException {
        SavedClassifier trained = topModel();
        SavedClassifier read = saveAndRead(trained, "topmodel-logistic.classifier");
        assertEquals("topmodel-logistic", read.model());
        assertArrayEquals(new int[] {28, 28}, read.shape());
        assertEquals(10, read.classes());
        assertEquals(trained.describe(), read.describe());
        assertEquals("{directions=2, darkness=1.5, topk=2, extent=true, intensity=true}",
                read.describe().get("features").toString());
        TopModel top = assertInstanceOf(TopModel.class, read.classifier());
        assertArrayEquals(((TopModel) trained.classifier()).standardizer().std(), top.standardizer().std(), 0);
        assertSameFunction(trained.classifier(), read.classifier());
    }

    @Test
    void aPixelCnnReadBackPredictsAndDifferentiatesIdentically() throws IOException {
        SavedClassifier trained = pixelCnn();
        SavedClassifier read = saveAndRead(trained, "pixel-cnn.classifier");
        assertEquals("pixel-cnn", read.model());
        assertEquals(Arrays.asList("model", "input", "classes"), read.describe().keySet().stream().toList());
        assertInstanceOf(NetworkClassifier.class, read.classifier());
        assertSameFunction(trained.classifier(), read.classifier());
    }

    @Test
    void theManifestSaysWhatTheFileHolds() throws IOException {
        String manifest = new String(entry(topModel().toBytes(), ClassifierFile.MANIFEST), StandardCharsets.UTF_8);
        for (String line : new String[] {"format = topolayer-classifier", "version = 1", "model = topmodel-logistic",
            "input = 28x28", "classes = 10", "features.directions = 2", "features.darkness = 1.5", "features.topk = 2",
            "features.extent = true", "features.intensity = true", "standardizer.mean = ", "standardizer.std = "}) {
            assertTrue(manifest.contains("\n" + line), line + " in\n" + manifest);
        }
    }

    /** Reads damaged bytes and returns the one-line message. */
    private static String refusal(byte[] bytes) {
        BadInputException e = assertThrows(BadInputException.class, () -> SavedClassifier.fromBytes(bytes, "m.clf"));
        assertEquals("m.clf", e.source());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void filesThatAreNotClassifierFilesAreRefusedNamingTheFix() throws IOException {
        String fix = "give a file written by topo attack --save-models or topo-submit attack --save-classifier";
        assertEquals("m.clf: not a classifier file (not a zip archive); " + fix,
                refusal("seed=1\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("m.clf: not a classifier file (not a zip archive); " + fix, refusal(new byte[0]));
        byte[] otherZip = zip(new String[] {"notes.txt"}, new byte[][] {"hello".getBytes(StandardCharsets.UTF_8)});
        assertEquals("m.clf: not a classifier file (a zip archive that does not begin with manifest.properties); "
                + fix, refusal(otherZip));
        byte[] otherManifest = zip(new String[] {"manifest.properties"}, new byte[][] {"format = something-else\n"
                .getBytes(StandardCharsets.UTF_8)});
        assertEquals("m.clf: not a classifier file (manifest.properties does not say format = topolayer-classifier);"
                + " " + fix, refusal(otherManifest));
    }

    @Test
    void truncatedCorruptAndOtherVersionFilesAreRefused() throws IOException {
        byte[] good = pixelCnn().toBytes();
        String again = "save the classifier again (topo attack --save-models, topo-submit attack --save-classifier)";
        for (int length : new int[] {good.length / 2, good.length - 1, 40}) {
            assertEquals("m.clf: truncated (the zip archive has no end record); " + again,
                    refusal(Arrays.copyOf(good, length)));
        }
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x5A;
        String corrupt = refusal(flipped);
        assertTrue(corrupt.startsWith("m.clf: corrupt (") && corrupt.endsWith("); " + again), corrupt);

        String version = refusal(withManifest(good, m -> m.replace("version = 1", "version = 2")));
        assertEquals("m.clf: classifier file format version 2, this build reads version 1; save the classifier"
                + " again with this build", version);
        assertEquals("m.clf: manifest.properties: classes must be an integer ≥ 2, got 'ten'; " + again,
                refusal(withManifest(good, m -> m.replace("classes = 10", "classes = ten"))));
        assertEquals("m.clf: inconsistent (the network has 10 classes, the manifest 9); " + again,
                refusal(withManifest(good, m -> m.replace("classes = 10", "classes = 9"))));
        assertEquals("m.clf: inconsistent (the network takes 784 inputs, the manifest's input 28x27 has 756); "
                + again, refusal(withManifest(good, m -> m.replace("input = 28x28", "input = 28x27"))));
        assertEquals("m.clf: manifest.properties: input must be a shape such as 28x28, got '28by28'; " + again,
                refusal(withManifest(good, m -> m.replace("input = 28x28", "input = 28by28"))));
        assertEquals("m.clf: manifest.properties has no model; " + again,
                refusal(withManifest(good, m -> m.replace("model = pixel-cnn", ""))));
        byte[] manifestOnly = zip(new String[] {"manifest.properties"}, new byte[][] {entry(good, "manifest.properties")});
        assertEquals("m.clf: incomplete (no network.bin entry); " + again, refusal(manifestOnly));
    }

    @Test
    void aClassifierIsTheSameBytesWhenEverItIsSaved() throws IOException {
        SavedClassifier c = topModel();
        byte[] file = c.toBytes();
        // every entry, the file's and those of DL4J's archive inside, has the fixed time: no write time
        byte[] network = entry(file, ClassifierFile.NETWORK);
        byte[] dl4j = Arrays.copyOfRange(network, 2 * Integer.BYTES, network.length); // after inputs and classes
        for (byte[] zip : new byte[][] {file, dl4j}) {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                int entries = 0;
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry(), entries++) {
                    assertEquals(LocalDateTime.of(1980, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
                }
                assertTrue(entries >= 2, "entries: " + entries);
            }
        }
        assertArrayEquals(file, c.toBytes());
        assertArrayEquals(file, SavedClassifier.fromBytes(file, "c").toBytes(), "read back and saved again");
    }

    @Test
    void dataOfAnotherShapeOrClassCountIsRefused() throws IOException {
        SavedClassifier c = SavedClassifier.fromBytes(topModel().toBytes(), "t.classifier");
        c.requireShape(new int[] {28, 28}, "the images");
        c.requireClasses(10, "the images");
        assertEquals("t.classifier: a topmodel-logistic of 28x28 inputs, but sample 7 is 32x32; use it on inputs of"
                + " the shape it was trained on", assertThrows(BadInputException.class,
                () -> c.requireShape(new int[] {32, 32}, "sample 7")).getMessage());
        assertEquals("t.classifier: a topmodel-logistic of 10 classes, but the job (--classes) has 2; use it on data"
                + " of the classes it was trained on", assertThrows(BadInputException.class,
                () -> c.requireClasses(2, "the job (--classes)")).getMessage());
    }

    private static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no entry " + name);
    }

    private static byte[] zip(String[] names, byte[][] contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.length; i++) {
                out.putNextEntry(new ZipEntry(names[i]));
                out.write(contents[i]);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The file with its manifest edited (a well-formed archive: only the manifest is wrong). */
    private static byte[] withManifest(byte[] file, UnaryOperator<String> edit) throws IOException {
        String manifest = new String(entry(file, ClassifierFile.MANIFEST), StandardCharsets.UTF_8);
        return zip(new String[] {ClassifierFile.MANIFEST, ClassifierFile.NETWORK},
                new byte[][] {edit.apply(manifest).getBytes(StandardCharsets.UTF_8), entry(file, ClassifierFile.NETWORK)});
    }
}
