package org.topolayer.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Spark sessions for the jobs: {@code local[*]} unless a master is set (by spark-submit or the
 * caller), Kryo with {@code registrationRequired} and {@link TopoKryoRegistrator} always, and
 * Spark's console progress bar off (the jobs print their own progress line). Unless set otherwise:
 * local files Spark writes (shuffle, spills, cached blocks on disk) are encrypted
 * ({@code spark.io.encryption.enabled}), and with authentication on, RPC is encrypted too
 * ({@code spark.network.crypto.enabled}) with no fallback to unencrypted SASL, as
 * {@code bin/topo-cluster}'s daemons require.
 */
public final class TopoSpark {
    private TopoSpark() {}

    /**
     * @param master   a master URL, or null for spark-submit's (or local[*] when there is none)
     * @param settings further configuration; overrides spark-defaults and spark-submit's --conf
     */
    /**
     * The cores that run the job's tasks: N of {@code local[N]} (the machine's for {@code local[*]}),
     * else the executors (block managers besides the driver's) times {@code spark.executor.cores}
     * (default 1). Not {@code defaultParallelism}, which Spark raises to at least 2.
     */
    public static int taskCores(org.apache.spark.SparkContext sc) {
        int local = localCores(sc.master());
        if (local > 0) {
            return local;
        }
        int executors = Math.max(1, sc.getExecutorMemoryStatus().size() - 1);
        return executors * sc.getConf().getInt("spark.executor.cores", 1);
    }

    /** N of a {@code local}, {@code local[N]}, {@code local[*]} or {@code local[N,F]} master; 0 for any other. */
    static int localCores(String master) {
        java.util.regex.Matcher local = java.util.regex.Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?])?")
                .matcher(master);
        if (!local.matches()) {
            return 0;
        }
        String n = local.group(1);
        return n == null ? 1 : n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
    }

    public static SparkSession session(String appName, String master, Map<String, String> settings) {
        SparkConf conf = new SparkConf();
        conf.setIfMissing("spark.master", "local[*]");
        if (master != null) {
            conf.setMaster(master);
        }
        conf.setAppName(appName);
        conf.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        conf.set("spark.kryo.registrator", TopoKryoRegistrator.class.getName());
        conf.set("spark.kryo.registrationRequired", "true");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        settings.forEach(conf::set);
        encryptByDefault(conf);
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** The encryption settings of the class comment, where conf does not say otherwise. */
    static void encryptByDefault(SparkConf conf) {
        conf.setIfMissing("spark.io.encryption.enabled", "true");
        if (conf.getBoolean("spark.authenticate", false)) {
            conf.setIfMissing("spark.network.crypto.enabled", "true");
            conf.setIfMissing("spark.network.crypto.saslFallback", "false");
        }
    }
}
