package org.topolayer.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The version of the code a job runs, for the fingerprint of its saved state (finished partitions,
 * checkpoints): a SHA-256 over the jars or class folders that hold the given classes, so a rebuilt
 * jar with any change counts as other code, with no version number to remember to bump. Limits: a
 * class folder is digested over its {@code .class} files only (resources do not change results);
 * code loaded from anywhere else (no code source) counts as "unknown", the same each time.
 */
public final class CodeVersion {
    private CodeVersion() {}

    /** The digest (hex) of the code that holds these classes, computed once per set of locations. */
    public static String of(Class<?>... classes) {
        Set<Path> places = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                continue;
            }
            try {
                places.add(Path.of(source.getLocation().toURI()));
            } catch (URISyntaxException | IllegalArgumentException notAFile) {
                // a location that is no file (e.g. a remote jar): not digested
            }
        }
        if (places.isEmpty()) {
            return "unknown";
        }
        return Cached.DIGESTS.computeIfAbsent(List.copyOf(places), CodeVersion::digest);
    }

    private static final class Cached {
        static final java.util.concurrent.ConcurrentHashMap<List<Path>, String> DIGESTS =
                new java.util.concurrent.ConcurrentHashMap<>();
    }

    private static String digest(List<Path> places) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path place : places) {
                if (Files.isDirectory(place)) {
                    try (Stream<Path> files = Files.walk(place)) {
                        for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                            sha.update(place.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                            update(sha, f);
                        }
                    }
                } else {
                    update(sha, place);
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            return "unreadable " + places; // still a fingerprint: the same places read the same way next time
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void update(MessageDigest sha, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
    }
}
