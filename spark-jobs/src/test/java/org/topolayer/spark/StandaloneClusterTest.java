package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.spark.attack.AttackJob;
import org.topolayer.spark.persistence.PersistenceJob;
import org.topolayer.spark.train.Checkpoints;
import org.topolayer.spark.train.TrainJob;
import picocli.CommandLine;

/**
 * The jobs on a real standalone cluster (bin/topo-cluster: a master and two one-core workers as
 * separate processes on 127.0.0.1, with authentication) give exactly the output of local mode, and
 * the train job's parameters after N steps equal local mode's to rounding.
 * Small data, free ports, bounded waits; the cluster is always stopped by pid.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class StandaloneClusterTest {
    private static final Path ROOT = Path.of(System.getProperty("topo.home", "..")).toAbsolutePath().normalize();
    private static Path clusterDir;
    private static String masterUrl;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startCluster() throws Exception {
        clusterDir = ROOT.resolve("spark-jobs/target/test-cluster-" + System.nanoTime());
        LocalSpark.session().stop(); // the cluster's JVMs need the cores more than an idle local session
        int status = topoCluster(180, "start", "--workers", "2", "--cores", "1", "--memory", "1g",
                "--port", Integer.toString(freePort()), "--webui-port", "0");
        assertEquals(0, status, "bin/topo-cluster start failed; see " + clusterDir);
        masterUrl = Files.readString(clusterDir.resolve("master-url")).strip();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        topoCluster(60, "stop");
    }

    @Test
    void persistenceAndAttackJobsGiveTheSameRowsAsLocalMode() throws Exception {
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
        // one session per mode: each cluster session pays for starting executors
        String[] train = {"--input", "synthetic", "--synthetic-count", "200", "--steps", "3", "--hidden", "8",
            "--learning-rate", "0.002", "--batch-size", "150"};
        Map<String, List<Row>> local = runAll(LocalSpark.session(), jobs, train, tmp.resolve("local"));
        Map<String, List<Row>> cluster = runAll(clusterSession(), jobs, train, tmp.resolve("cluster"));
        for (String name : jobs.keySet()) {
            assertTrue(local.get(name).size() > 10, name);
            assertEquals(local.get(name), cluster.get(name), name);
        }
        // the train job's sums do not depend on the order tasks finish in, but its networks compute in
        // float and ND4J's kernels round a little differently in other JVMs (up to 3e-9 seen): equal
        // to float rounding
        double[] localParameters = parameters(tmp.resolve("local").resolve("train"));
        double[] clusterParameters = parameters(tmp.resolve("cluster").resolve("train"));
        assertArrayEquals(localParameters, clusterParameters, 1e-6);
    }

    private static double[] parameters(Path trainOutput) throws IOException {
        try (java.io.DataInputStream in = new java.io.DataInputStream(Files.newInputStream(
                trainOutput.resolve("parameters.bin")))) {
            return Checkpoints.read(in);
        }
    }

    /**
     * Runs every job (named "JOB description") and the train job on the session, then stops it; the
     * sorted output rows by name (the train job's parameters stay in outputs/train).
     */
    private static Map<String, List<Row>> runAll(SparkSession spark, Map<String, String[]> jobs, String[] train,
                                                 Path outputs) throws Exception {
        TrainJob trainJob = new TrainJob();
        new CommandLine(trainJob).parseArgs(java.util.stream.Stream.concat(java.util.Arrays.stream(train),
                java.util.stream.Stream.of("--output", outputs.resolve("train").toString())).toArray(String[]::new));
        trainJob.run(spark);
        Map<String, List<Row>> rows = new HashMap<>();
        for (Map.Entry<String, String[]> e : jobs.entrySet()) {
            String out = outputs.resolve(e.getKey()).toString();
            SparkJob job = e.getKey().startsWith("attack") ? new AttackJob() : new PersistenceJob();
            new CommandLine(job).parseArgs(java.util.stream.Stream.concat(java.util.Arrays.stream(e.getValue()),
                    java.util.stream.Stream.of("--output", out)).toArray(String[]::new));
            job.run(spark);
            Dataset<Row> written = spark.read().parquet(out);
            rows.put(e.getKey(), (job instanceof AttackJob ? written.orderBy("id", "eps") : written.orderBy("id"))
                    .collectAsList());
        }
        spark.stop();
        return rows;
    }

    /** A session on the test cluster: its secret, the test classpath and JVM flags for the executors. */
    private static SparkSession clusterSession() throws IOException {
        Map<String, String> conf = new HashMap<>();
        conf.put("spark.authenticate", "true");
        conf.put("spark.authenticate.secret", Files.readString(clusterDir.resolve("secret")).strip());
        conf.put("spark.executor.extraClassPath",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        conf.put("spark.executor.extraJavaOptions", System.getProperty("topo.jvm.flags", "")
                + " -Dlog4j2.configurationFile=" + ROOT.resolve("conf/log4j2.properties"));
        conf.put("spark.executor.memory", "768m");
        conf.put("spark.cores.max", "2");
        conf.put("spark.driver.host", "127.0.0.1");
        conf.put("spark.driver.bindAddress", "127.0.0.1");
        conf.put("spark.ui.enabled", "false");
        return TopoSpark.session("topolayer cluster test", masterUrl, conf);
    }

    private static int topoCluster(int timeoutSeconds, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("bin/topo-cluster").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put("TOPO_CLUSTER_DIR", clusterDir.toString());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
