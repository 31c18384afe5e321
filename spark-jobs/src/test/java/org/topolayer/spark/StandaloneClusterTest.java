package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.rpc.RpcAddress;
import org.apache.spark.rpc.RpcEnv;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.spark.attack.AttackJob;
import org.topolayer.spark.persistence.PersistenceJob;
import org.topolayer.spark.train.Checkpoints;
import org.topolayer.spark.train.TrainJob;
import picocli.CommandLine;

/**
 * The jobs on a real standalone cluster (bin/topo-cluster: a master and two one-core workers as
 * separate processes on 127.0.0.1, with authentication, each worker pinned to a CPU of its own
 * where the machine has two): they give exactly the output of local mode (the train job to
 * rounding), with two executors and with one; the pinning reaches the executors; every cluster port
 * and web UI listens on loopback only;
 * a client or executor without the secret is refused, and so is one with the secret but without
 * RPC encryption (on by default, with encryption of the executors' files); no log holds the secret; and a worker killed
 * in the middle of the persistence job changes no row of its output. One cluster for all (each
 * start costs time), so the tests run in order and the worker kill comes last.
 */
@Tag("slow") // a real standalone cluster: a master, workers and executors in their own JVMs (verify only)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {
    private static final boolean PINNED = Runtime.getRuntime().availableProcessors() >= 2;
    private static TestCluster cluster;
    /** The session with an executor on each worker, shared by the tests; null until one needs it. */
    private static SparkSession session;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startCluster() throws Exception {
        LocalSpark.session().stop(); // the cluster's JVMs need the cores more than an idle local session
        // pinned (each worker and its executor on a CPU of its own) where there are CPUs enough
        cluster = PINNED ? TestCluster.start(2, "--pin") : TestCluster.start(2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void jobsOnTheClusterGiveLocalModesOutput() throws Exception {
        Path clouds = Files.createDirectories(tmp.resolve("clouds"));
        SplittableRandom rnd = new SplittableRandom(3);
        for (int c = 0; c < 12; c++) {
            StringBuilder csv = new StringBuilder();
            for (int p = 0; p < 40; p++) {
                double angle = rnd.nextDouble(2 * Math.PI);
                csv.append(String.format(Locale.ROOT, "%.6f,%.6f%n", Math.cos(angle) + rnd.nextDouble(0.1),
                        Math.sin(angle) + rnd.nextDouble(0.1)));
            }
            Files.writeString(clouds.resolve("cloud" + c + ".csv"), csv);
        }
        Map<String, String[]> jobs = Map.of(
                "persistence images", new String[] {"--input", "synthetic", "--synthetic-count", "1200", "--feature",
                    "topk:dim=0,k=4;landscape:dim=1,levels=2,min=0,max=1,steps=8"},
                "persistence rips", new String[] {"--input", clouds.toString(), "--filtration", "rips", "--feature",
                    "topk:dim=1,k=2"},
                "attack pgd", new String[] {"--input", "synthetic", "--synthetic-count", "700", "--train-samples",
                    "600", "--eval-samples", "40", "--epochs", "10", "--directions", "4", "--method", "pgd",
                    "--steps", "2", "--eps", "0.02,0.05"});
        Map<String, String[]> train = Map.of(
                "train", new String[] {"--input", "synthetic", "--synthetic-count", "200", "--steps", "3", "--hidden",
                    "8", "--learning-rate", "0.002", "--batch-size", "150"},
                "train classifier", new String[] {"--workload", "classifier", "--model", "topmodel-mlp",
                    "--directions", "2", "--classifier-hidden", "8", "--input", "synthetic", "--synthetic-count", "120",
                    "--steps", "3", "--batch-size", "60", "--partitions", "3", "--group-size", "20",
                    "--adversarial-attack", "pgd",
                    "--adversarial-eps", "0.05", "--adversarial-steps", "2", "--adversarial-fraction", "0.5"});
        SparkSession local = LocalSpark.session();
        Map<String, List<String>> localRows = runAll(local, jobs, train, tmp.resolve("local"));
        local.stop();
        Map<String, List<String>> clusterRows = runAll(clusterSession(), jobs, train, tmp.resolve("cluster"));
        for (String name : jobs.keySet()) {
            assertTrue(localRows.get(name).size() > 10, name);
            assertEquals(localRows.get(name), clusterRows.get(name), name);
        }
        // the train job's sums do not depend on the order tasks finish in, but its networks compute in
        // float and ND4J's kernels round a little differently in other JVMs (up to 3e-9 seen): equal
        // to float rounding
        for (String name : train.keySet()) {
            assertArrayEquals(parameters(tmp.resolve("local/" + name)), parameters(tmp.resolve("cluster/" + name)),
                    1e-6, name);
        }
    }

    @Test
    @Order(3)
    void everyPortAndWebUiOfTheClusterListensOnLoopbackOnly() throws Exception {
        clusterSession();
        List<ProcessHandle> processes = cluster.processes();
        assertTrue(processes.size() >= 5, "master, 2 workers, 2 executors: " + processes);
        Map<Long, String> listening = listeningSockets();
        List<String> addresses = new ArrayList<>();
        for (ProcessHandle p : processes) {
            for (long inode : socketInodes(p.pid())) {
                if (listening.containsKey(inode)) {
                    addresses.add(p.pid() + " " + listening.get(inode));
                }
            }
        }
        // master: RPC and web UI; each worker: RPC and web UI; each executor: its block manager
        assertTrue(addresses.size() >= 8, addresses.toString());
        for (String address : addresses) {
            assertTrue(address.contains(" 127.0.0.1:"), "listens beyond loopback: " + address + " of " + addresses);
        }
    }

    @Test
    @Order(2)
    void eachPinnedWorkerAndItsExecutorRunOnACpuOfTheirOwn() throws Exception {
        Assumptions.assumeTrue(PINNED, "one CPU: the cluster is not pinned");
        clusterSession();
        List<String> cpus = allowedCpuList(allowedCpus(ProcessHandle.current().pid()));
        for (int w = 1; w <= 2; w++) {
            ProcessHandle worker = ProcessHandle.of(cluster.pid("worker-" + w)).orElseThrow();
            List<ProcessHandle> executors = worker.descendants().filter(p -> commandLine(p.pid())
                    .contains("CoarseGrainedExecutorBackend")).toList();
            assertEquals(1, executors.size(), "worker-" + w + "'s executor among " + worker.descendants().toList());
            assertEquals(cpus.get(w - 1), allowedCpus(worker.pid()), "worker-" + w + ", of " + cpus);
            assertEquals(cpus.get(w - 1), allowedCpus(executors.get(0).pid()), "worker-" + w + "'s executor");
        }
        assertEquals(2, TestCluster.startStatus(cpus.size() + 1, "--pin"),
                "more workers than CPUs to pin them to is refused");
    }

    @Test
    @Order(4)
    void clientsAndExecutorsWithoutTheSecretAreRefused() throws Exception {
        SparkSession spark = clusterSession();
        String[] master = cluster.masterUrl().substring("spark://".length()).split(":");
        Map<String, RpcAddress> endpoints = new LinkedHashMap<>();
        endpoints.put("Master", new RpcAddress(master[0], Integer.parseInt(master[1])));
        endpoints.put("Worker", new RpcAddress("127.0.0.1", cluster.workerPort("worker-1")));
        // what an executor registers with: the driver's scheduler
        endpoints.put("CoarseGrainedScheduler", new RpcAddress("127.0.0.1",
                Integer.parseInt(spark.conf().get("spark.driver.port"))));
        for (Map.Entry<String, RpcAddress> e : endpoints.entrySet()) {
            assertTrue(reaches(e.getValue(), e.getKey(), cluster.secret(), true), e.getKey() + " with the secret");
            assertFalse(reaches(e.getValue(), e.getKey(), cluster.secret(), false),
                    e.getKey() + " with the secret but without encryption");
            assertFalse(reaches(e.getValue(), e.getKey(), "0123456789abcdef", true), e.getKey() + " with a wrong secret");
            assertFalse(reaches(e.getValue(), e.getKey(), null, false), e.getKey() + " without authentication");
        }
    }

    @Test
    @Order(5)
    void aWorkerKilledInTheMiddleOfTheJobChangesNoRow() throws Exception {
        SparkSession spark = clusterSession();
        String[] job = {"--input", "synthetic", "--synthetic-count", "4000", "--feature",
            "topk:dim=0,k=4;topk:dim=1,k=4"};
        List<String> uninterrupted = persistence(spark, job, "uninterrupted");
        WorkerKiller killer = new WorkerKiller(cluster, "worker-1");
        spark.sparkContext().addSparkListener(killer);
        List<String> interrupted;
        try {
            interrupted = persistence(spark, job, "worker-killed");
        } finally {
            spark.sparkContext().removeSparkListener(killer);
        }
        assertTrue(killer.killed(), "the worker was killed during the job");
        assertTrue(killer.lostTasks() > 0, "a task was running on the killed worker");
        assertEquals(uninterrupted.size(), 4000);
        assertEquals(uninterrupted, interrupted);
        // the same job on the one executor left: the same bits with one executor as with two
        awaitExecutors(spark, 1);
        assertEquals(uninterrupted, persistence(spark, job, "one-executor"));
    }

    @Test
    @Order(6)
    void noLogOrWorkFileHoldsTheSecret() throws Exception {
        String secret = cluster.secret();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(cluster.dir())) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("secret"))
                    .toList();
        }
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().equals("stderr")),
                "the executors' logs are among the files: " + files);
        for (Path f : files) {
            assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret),
                    f + " holds the cluster's secret");
        }
    }

    /** The session with one executor on each worker (waits for both). */
    private static SparkSession clusterSession() throws Exception {
        if (session == null) {
            session = cluster.session("topolayer cluster test", 2);
            awaitExecutors(session, 2);
        }
        return session;
    }

    /** Waits (at most 3 minutes: executors start slowly on a loaded machine) until n executors are registered. */
    private static void awaitExecutors(SparkSession spark, int n) throws InterruptedException {
        for (int i = 0; i < 900 && spark.sparkContext().statusTracker().getExecutorInfos().length - 1 != n; i++) {
            Thread.sleep(200);
        }
        assertEquals(n, spark.sparkContext().statusTracker().getExecutorInfos().length - 1, "executors");
    }

    /** Runs the persistence job into tmp/name; its rows in id order, exactly. */
    private static List<String> persistence(SparkSession spark, String[] options, String name) throws Exception {
        String out = tmp.resolve(name).toString();
        PersistenceJob job = new PersistenceJob();
        new CommandLine(job).parseArgs(Stream.concat(Stream.of(options), Stream.of("--output", out))
                .toArray(String[]::new));
        job.run(spark);
        return LocalSpark.exactRows(spark.read().parquet(out), "id");
    }

    /**
     * Whether a client with this secret (null: authentication off), with or without RPC encryption,
     * can reach the RPC endpoint.
     */
    private static boolean reaches(RpcAddress address, String endpoint, String secret, boolean encrypted)
            throws IOException {
        SparkConf conf = new SparkConf(false).set("spark.rpc.askTimeout", "60s")
                .set("spark.rpc.lookupTimeout", "60s").set("spark.authenticate", Boolean.toString(secret != null))
                .set("spark.network.crypto.enabled", Boolean.toString(encrypted));
        if (secret != null) {
            conf.set("spark.authenticate.secret", secret);
        }
        org.apache.spark.SecurityManager security = new org.apache.spark.SecurityManager(conf, scala.Option.empty(),
                org.apache.spark.internal.config.package$.MODULE$.AUTH_SECRET_FILE());
        RpcEnv client = RpcEnv.create("topolayer-test-client", "127.0.0.1", 0, conf, security, true);
        try {
            client.setupEndpointRef(address, endpoint);
            return true;
        } catch (Exception refused) {
            return false;
        } finally {
            client.shutdown();
        }
    }

    /** A process's command line, read from /proc: ProcessHandle.info() gave none for the executors. */
    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.ISO_8859_1);
        } catch (IOException gone) {
            return "";
        }
    }

    /** The CPUs a process may run on, as /proc lists them ("0", "0-3"). */
    private static String allowedCpus(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst().orElseThrow()
                .substring("Cpus_allowed_list:".length()).strip();
    }

    /** The CPUs of a /proc list, one each ("0-2,5" → 0, 1, 2, 5). */
    private static List<String> allowedCpuList(String list) {
        List<String> cpus = new ArrayList<>();
        for (String part : list.split(",")) {
            String[] range = part.split("-");
            for (int c = Integer.parseInt(range[0]); c <= Integer.parseInt(range[range.length - 1]); c++) {
                cpus.add(Integer.toString(c));
            }
        }
        return cpus;
    }

    /** Listening TCP sockets of this machine: inode → "address:port". */
    static Map<Long, String> listeningSockets() throws IOException {
        Map<Long, String> out = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A")) { // LISTEN
                    String[] local = f[1].split(":");
                    out.put(Long.parseLong(f[9]), address(local[0]) + ":" + Integer.parseInt(local[1], 16));
                }
            }
        }
        return out;
    }

    /** A /proc/net address (little-endian 32-bit groups of hex) as text; IPv4-mapped IPv6 as IPv4. */
    private static String address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int group = 0; group < bytes.length; group += 4) {
            for (int b = 0; b < 4; b++) {
                bytes[group + b] = (byte) Integer.parseInt(hex.substring(2 * (group + 3 - b), 2 * (group + 4 - b)), 16);
            }
        }
        return java.net.InetAddress.getByAddress(bytes).getHostAddress();
    }

    /** The inodes of the sockets a process has open. */
    static List<Long> socketInodes(long pid) throws IOException {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        out.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while listing
                }
            }
        }
        return out;
    }

    private static double[] parameters(Path trainOutput) throws IOException {
        try (java.io.DataInputStream in = new java.io.DataInputStream(Files.newInputStream(
                trainOutput.resolve("parameters.bin")))) {
            return Checkpoints.read(in);
        }
    }

    /**
     * Runs every job (named "JOB description") and the train jobs on the session; the output rows
     * by name, exactly (the train jobs' parameters stay in outputs/NAME).
     */
    private static Map<String, List<String>> runAll(SparkSession spark, Map<String, String[]> jobs,
                                                    Map<String, String[]> train, Path outputs) throws Exception {
        for (Map.Entry<String, String[]> t : train.entrySet()) {
            TrainJob trainJob = new TrainJob();
            new CommandLine(trainJob).parseArgs(Stream.concat(Stream.of(t.getValue()),
                    Stream.of("--output", outputs.resolve(t.getKey()).toString())).toArray(String[]::new));
            trainJob.run(spark);
        }
        Map<String, List<String>> rows = new HashMap<>();
        for (Map.Entry<String, String[]> e : jobs.entrySet()) {
            String out = outputs.resolve(e.getKey()).toString();
            SparkJob job = e.getKey().startsWith("attack") ? new AttackJob() : new PersistenceJob();
            new CommandLine(job).parseArgs(Stream.concat(Stream.of(e.getValue()), Stream.of("--output", out))
                    .toArray(String[]::new));
            job.run(spark);
            Dataset<Row> written = spark.read().parquet(out);
            rows.put(e.getKey(), job instanceof AttackJob ? LocalSpark.exactRows(written, "id", "eps")
                    : LocalSpark.exactRows(written, "id"));
        }
        return rows;
    }
}
