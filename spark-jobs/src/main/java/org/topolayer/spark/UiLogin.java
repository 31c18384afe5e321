package org.topolayer.spark;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * HTTP basic authentication for Spark's web UIs (master, worker, application), installed through
 * {@code spark.ui.filters=org.topolayer.spark.UiLogin}: a request passes only with the user name
 * and the shared secret as password, and then carries that user as its remote user, which Spark's
 * ACLs ({@code spark.acls.enable}, {@code spark.ui.view.acls}) check. bin/topo-cluster and
 * bin/topo-submit install it whenever a UI is served beyond loopback, with the cluster's secret.
 *
 * <p>Parameters ({@code spark.org.topolayer.spark.UiLogin.param.NAME}): {@code secretFile}, the
 * file holding the secret (read once, at start; the secret is never logged), and {@code user}
 * (default {@value #DEFAULT_USER}). Limits: basic authentication sends the secret in every request,
 * readable on the network unless the UI is served over TLS ({@code spark.ssl.ui.enabled}); the
 * comparison takes the same time whatever the guess.
 */
public final class UiLogin implements Filter {
    public static final String DEFAULT_USER = "topolayer";
    private static final String REALM = "Basic realm=\"topolayer\", charset=\"UTF-8\"";
    private String user;
    /** The SHA-256 of "user:secret", as a basic-authentication header holds it decoded. */
    private byte[] expected;

    @Override
    public void init(FilterConfig config) throws ServletException {
        String file = config.getInitParameter("secretFile");
        if (file == null || file.isBlank()) {
            throw new ServletException("UiLogin needs the parameter secretFile"
                    + " (spark.org.topolayer.spark.UiLogin.param.secretFile=FILE)");
        }
        String secret;
        try {
            secret = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ServletException("UiLogin cannot read its secret file " + file + ": " + e.getMessage());
        }
        if (secret.isEmpty()) {
            throw new ServletException("UiLogin's secret file " + file + " is empty");
        }
        String name = config.getInitParameter("user");
        user = name == null || name.isBlank() ? DEFAULT_USER : name.strip();
        expected = sha256((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (!authenticated(http.getHeader("Authorization"))) {
            HttpServletResponse refused = (HttpServletResponse) response;
            refused.setHeader("WWW-Authenticate", REALM);
            refused.sendError(HttpServletResponse.SC_UNAUTHORIZED, "log in with the cluster's user and secret");
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(http) {
            @Override
            public String getRemoteUser() {
                return user;
            }
        }, response);
    }

    /** Whether the header holds this filter's user and secret; compared in constant time. */
    boolean authenticated(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        // digests of equal length, compared in full: the time tells neither where nor by how much a guess differs
        return MessageDigest.isEqual(expected, sha256(given));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public void destroy() {
    }
}
