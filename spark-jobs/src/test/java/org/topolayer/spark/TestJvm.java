package org.topolayer.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a JVM started by a test needs to run the jobs like the test JVM does: the project root, the
 * test classpath, and the JVM flags Spark needs on Java 17 with the tests' logging (to a file).
 */
public final class TestJvm {
    public static final Path ROOT = Path.of(System.getProperty("topo.home", "..")).toAbsolutePath().normalize();

    private TestJvm() {}

    /** The classpath of the tests (classes, test classes, the engine, Spark). */
    public static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Spark's --add-opens flags and the tests' log4j configuration (logs to a file), as one string of options. */
    public static String flags() {
        String flags = System.getProperty("topo.jvm.flags", "") + " -Dlog4j2.configurationFile="
                + System.getProperty("log4j2.configurationFile", ROOT.resolve("conf/log4j2.properties").toString());
        String log = System.getProperty("topo.test.log");
        return log == null ? flags : flags + " -Dtopo.test.log=" + log;
    }

    /** A java command running {@code mainClass} with the test classpath, the flags and {@code options}. */
    public static List<String> command(List<String> options, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : flags().strip().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.addAll(options);
        command.addAll(List.of("-cp", classPath(), mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
