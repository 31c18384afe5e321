package org.topolayer.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * A standalone cluster started by bin/topo-cluster for a test: a master and one-core workers as
 * separate processes on 127.0.0.1 with authentication, on free ports, its state in a fresh
 * folder under spark-jobs/target. Sessions on it get its secret and the test classpath.
 */
public final class TestCluster implements AutoCloseable {
    private final Path dir;
    private final String masterUrl;

    private TestCluster(Path dir, String masterUrl) {
        this.dir = dir;
        this.masterUrl = masterUrl;
    }

    /**
     * Starts a master and {@code workers} one-core workers, with more {@code topo-cluster start}
     * options if given; fails naming the logs if it cannot.
     */
    public static TestCluster start(int workers, String... options) throws Exception {
        Path dir = newDir();
        int status = runStart(dir, workers, options);
        if (status != 0) {
            throw new IllegalStateException("bin/topo-cluster start failed (" + status + "); see " + dir);
        }
        return new TestCluster(dir, Files.readString(dir.resolve("master-url")).strip());
    }

    /**
     * Runs {@code topo-cluster start} with these arguments and returns its exit status, stopping
     * whatever it started (for tests of refused starts).
     */
    public static int startStatus(int workers, String... options) throws Exception {
        Path dir = newDir();
        int status = runStart(dir, workers, options);
        topoCluster(dir, 60, "stop");
        return status;
    }

    private static Path newDir() {
        return TestJvm.ROOT.resolve("spark-jobs/target/test-cluster-" + System.nanoTime());
    }

    /** {@code topo-cluster start} of one-core workers on free ports, its state in dir; its exit status. */
    private static int runStart(Path dir, int workers, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("start", "--workers", Integer.toString(workers), "--cores", "1",
                "--memory", "1g", "--port", Integer.toString(freePort()), "--webui-port", "0"));
        args.addAll(List.of(options));
        return topoCluster(dir, 180, args.toArray(String[]::new));
    }

    public String masterUrl() {
        return masterUrl;
    }

    /** The folder with the cluster's pids, logs, secret and the workers' work folders. */
    public Path dir() {
        return dir;
    }

    public String secret() throws IOException {
        return Files.readString(dir.resolve("secret")).strip();
    }

    /** The pid of a daemon: "master" or "worker-N". */
    public long pid(String daemon) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve(daemon + ".pid")).strip());
    }

    /** The RPC port of a worker ("worker-N"), from its log. */
    public int workerPort(String worker) throws IOException {
        Matcher m = Pattern.compile("Starting Spark worker [0-9.]+:(\\d+)").matcher(
                Files.readString(dir.resolve(worker + ".log")));
        if (!m.find()) {
            throw new IllegalStateException("no port in " + dir.resolve(worker + ".log"));
        }
        return Integer.parseInt(m.group(1));
    }

    /** The master, the workers and the executors they started. */
    public List<ProcessHandle> processes() throws IOException {
        List<ProcessHandle> all = new ArrayList<>();
        try (Stream<Path> pids = Files.list(dir)) {
            for (Path pidFile : pids.filter(p -> p.toString().endsWith(".pid")).toList()) {
                String name = pidFile.getFileName().toString().replace(".pid", "");
                ProcessHandle.of(pid(name)).ifPresent(p -> {
                    all.add(p);
                    p.descendants().forEach(all::add);
                });
            }
        }
        return all;
    }

    /**
     * A session on the cluster: its secret, the test classpath and JVM flags for the executors, at
     * most {@code cores} cores (one executor per one-core worker), the driver on loopback.
     */
    public SparkSession session(String appName, int cores) throws IOException {
        Map<String, String> conf = new HashMap<>();
        conf.put("spark.authenticate", "true");
        conf.put("spark.authenticate.secret", secret());
        conf.put("spark.executor.extraClassPath", TestJvm.classPath());
        conf.put("spark.executor.extraJavaOptions", TestJvm.flags());
        conf.put("spark.executor.memory", "768m");
        conf.put("spark.cores.max", Integer.toString(cores));
        conf.put("spark.driver.host", "127.0.0.1");
        conf.put("spark.driver.bindAddress", "127.0.0.1");
        conf.put("spark.ui.enabled", "false");
        return TopoSpark.session(appName, masterUrl, conf);
    }

    /** Stops the cluster (by pid, through bin/topo-cluster stop). */
    @Override
    public void close() throws IOException {
        try {
            topoCluster(dir, 60, "stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the test cluster in " + dir, e);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("could not stop the test cluster in " + dir, e);
        }
    }

    private static int topoCluster(Path dir, int timeoutSeconds, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", TestJvm.ROOT.resolve("bin/topo-cluster").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put("TOPO_CLUSTER_DIR", dir.toString());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
