import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The digest of a Parquet output's rows, for bench/spark/chaos.sh: SHA-256 over the rows sorted by
 * id, each as Row.toString (doubles in full precision, so equal digests mean bit-identical rows).
 * Parquet files themselves are no fit: parquet-mr writes a column's encodings in hash-set order, so
 * the same rows give other bytes in another JVM. Run as a single-file program:
 * java -cp "SPARK_HOME/jars/*:spark-jobs/target/lib/*" bench/spark/TableDigest.java DIR
 */
public final class TableDigest {
    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("table digest")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long rows = 0;
            for (var it = spark.read().parquet(args[0]).orderBy("id").toLocalIterator(); it.hasNext(); rows++) {
                Row row = it.next();
                sha.update((row.toString() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            System.out.println(HexFormat.of().formatHex(sha.digest()).substring(0, 16) + " " + rows);
        } finally {
            spark.stop();
        }
    }
}
