package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The web UIs of a bin/topo-cluster cluster started with --ui-login (as one served beyond loopback
 * is): real HTTP requests without credentials, with a wrong secret or another user are refused
 * (401); with user topolayer and the cluster's secret the page is served.
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
