package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UIs of a bin/topo-cluster cluster started with --ui-login (as one served beyond loopback
 * is), and the application UI of a bin/topo-submit driver bound to a network address: real HTTP
 * requests without credentials, with a wrong secret or another user are refused (401); with user
 * topolayer and the secret the page is served.
 */
@Tag("slow") // a real standalone cluster (verify only)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class UiLoginTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theMasterAndWorkerUisServeOnlyALoggedInUser() throws Exception {
        int masterUi = TestCluster.freePort();
        try (TestCluster cluster = TestCluster.start(1, "--ui-login", "--webui-port", Integer.toString(masterUi))) {
            List<Integer> workerUis = listeningPorts(cluster.pid("worker-1"));
            workerUis.remove(Integer.valueOf(cluster.workerPort("worker-1")));
            assertEquals(1, workerUis.size(), "the worker's UI among its ports " + workerUis);
            String secret = cluster.secret();
            for (int port : List.of(masterUi, workerUis.get(0))) {
                URI page = URI.create("http://127.0.0.1:" + port + "/");
                HttpResponse<String> refused = get(page, null);
                assertEquals(401, refused.statusCode(), page + " without a login");
                assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), page.toString());
                assertFalse(refused.body().contains(secret), "the refusal shows the secret");
                assertEquals(401, get(page, "topolayer:" + secret.substring(1)).statusCode(), page + ", wrong secret");
                assertEquals(401, get(page, "admin:" + secret).statusCode(), page + ", another user");
                HttpResponse<String> served = get(page, "topolayer:" + secret);
                assertEquals(200, served.statusCode(), page + " with the login");
                assertTrue(served.body().contains("Spark"), served.body());
            }
        }
    }

    @Test
    void aDriverServingItsUiToTheNetworkServesOnlyALoggedInUser(@TempDir Path tmp) throws Exception {
        String address = networkAddress();
        Assumptions.assumeTrue(address != null, "this machine has no non-loopback IPv4 address to serve a UI on");
        Path secretFile = Files.writeString(tmp.resolve("ui-secret"), "Ui-s3cret-" + System.nanoTime() + "\n");
        String secret = Files.readString(secretFile).strip();
        int port = TestCluster.freePort();

        // without a secret file, topo-submit refuses to serve the UI beyond loopback, in one line
        Process refused = submit(tmp, address, null, port, "persistence", "--help");
        assertTrue(refused.waitFor(2, TimeUnit.MINUTES));
        String refusal = new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(2, refused.exitValue(), refusal);
        assertTrue(refusal.startsWith("topo-submit: SPARK_LOCAL_IP=" + address + " serves the web UI to the network;")
                && !refusal.contains("\n"), refusal);

        // a job long enough to be asked while it runs; killed once its UI has answered
        Process driver = submit(tmp, address, secretFile, port, "persistence", "--input", "synthetic",
                "--synthetic-count", "2000000", "--output", tmp.resolve("out").toString());
        try {
            URI page = URI.create("http://" + address + ":" + port + "/jobs/");
            HttpResponse<String> first = firstAnswer(page, driver);
            assertEquals(401, first.statusCode(), page + " without a login");
            assertFalse(first.body().contains(secret), "the refusal shows the secret");
            assertEquals(401, get(page, "topolayer:" + secret.substring(1)).statusCode(), page + ", wrong secret");
            assertEquals(401, get(page, "admin:" + secret).statusCode(), page + ", another user");
            HttpResponse<String> served = get(page, "topolayer:" + secret);
            while (served.body().contains("Spark is starting up") && driver.isAlive()) {
                Thread.sleep(200);
                served = get(page, "topolayer:" + secret);
            }
            assertEquals(200, served.statusCode(), page + " with the login");
            assertTrue(served.body().contains("Spark Jobs"), served.body());
            assertThrows(java.net.ConnectException.class, () -> get(URI.create("http://127.0.0.1:" + port + "/"), null),
                    "bound to SPARK_LOCAL_IP only");
        } finally {
            driver.descendants().forEach(ProcessHandle::destroyForcibly);
            driver.destroyForcibly().waitFor();
        }
    }

    /** Runs bin/topo-submit with its UI on address:port, stdout and stderr kept apart (stderr to read). */
    private static Process submit(Path tmp, String address, Path secretFile, int port, String... job) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", TestJvm.ROOT.resolve("bin/topo-submit").toString(),
                job[0], "--master", "local[1]", "--conf", "spark.ui.port=" + port));
        command.addAll(List.of(job).subList(1, job.length));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(tmp.resolve("submit-" + System.nanoTime() + ".out").toFile());
        pb.environment().put("SPARK_LOCAL_IP", address);
        pb.environment().remove("TOPO_UI_SECRET_FILE");
        if (secretFile != null) {
            pb.environment().put("TOPO_UI_SECRET_FILE", secretFile.toString());
            pb.redirectError(tmp.resolve("submit.err").toFile());
        }
        return pb.start();
    }

    /** The first HTTP answer of a page whose server is still starting; fails if the driver ends first. */
    private static HttpResponse<String> firstAnswer(URI page, Process driver) throws Exception {
        while (true) {
            try {
                return get(page, null);
            } catch (java.net.ConnectException notYet) {
                assertTrue(driver.isAlive(), () -> "the driver ended before its UI answered (exit " + driver.exitValue() + ")");
                Thread.sleep(200);
            }
        }
    }

    /** An up, non-loopback IPv4 address of this machine, or null. */
    private static String networkAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
        }
        return null;
    }

    private static HttpResponse<String> get(URI page, String login) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(60)).GET();
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    login.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The TCP ports a process listens on. */
    private static List<Integer> listeningPorts(long pid) throws Exception {
        Map<Long, String> listening = StandaloneClusterTest.listeningSockets();
        List<Integer> ports = new ArrayList<>();
        for (long inode : StandaloneClusterTest.socketInodes(pid)) {
            String address = listening.get(inode);
            if (address != null) {
                ports.add(Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
            }
        }
        return ports;
    }
}
