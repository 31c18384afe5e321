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
