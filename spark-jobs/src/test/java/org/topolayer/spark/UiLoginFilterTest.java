package org.topolayer.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UI login filter's check of basic-authentication headers and its refusal of a bad configuration. */
class UiLoginFilterTest {
    @TempDir
    Path tmp;

    @Test
    void onlyTheUserWithTheSecretPasses() throws Exception {
        UiLogin login = started(Map.of("secretFile", Files.writeString(tmp.resolve("secret"), "s3cret\n").toString()));
        assertTrue(login.authenticated(basic("topolayer:s3cret")));
        assertTrue(login.authenticated("basic " + Base64.getEncoder().encodeToString(
                "topolayer:s3cret".getBytes(StandardCharsets.UTF_8))), "the scheme in any case");
        assertFalse(login.authenticated(basic("topolayer:s3cre")));
        assertFalse(login.authenticated(basic("topolayer:s3cret2")));
        assertFalse(login.authenticated(basic("admin:s3cret")));
        assertFalse(login.authenticated(basic("s3cret")));
        assertFalse(login.authenticated(null));
        assertFalse(login.authenticated("Bearer s3cret"));
        assertFalse(login.authenticated("Basic not*base64"));

        UiLogin other = started(Map.of("secretFile", tmp.resolve("secret").toString(), "user", "ops"));
        assertTrue(other.authenticated(basic("ops:s3cret")));
        assertFalse(other.authenticated(basic("topolayer:s3cret")));
    }

    @Test
    void aMissingOrEmptySecretStopsTheFilterNamingTheParameterOrFile() throws Exception {
        assertTrue(assertThrows(ServletException.class, () -> started(Map.of())).getMessage()
                .contains("spark.org.topolayer.spark.UiLogin.param.secretFile"));
        Path missing = tmp.resolve("missing");
        assertTrue(assertThrows(ServletException.class, () -> started(Map.of("secretFile", missing.toString())))
                .getMessage().contains(missing.toString()));
        Path empty = Files.writeString(tmp.resolve("empty"), " \n");
        assertTrue(assertThrows(ServletException.class, () -> started(Map.of("secretFile", empty.toString())))
                .getMessage().contains("is empty"));
    }

    private static String basic(String userAndSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndSecret.getBytes(StandardCharsets.UTF_8));
    }

    private static UiLogin started(Map<String, String> parameters) throws ServletException {
        UiLogin login = new UiLogin();
        login.init(new FilterConfig() {
            @Override
            public String getFilterName() {
                return "UiLogin";
            }

            @Override
            public ServletContext getServletContext() {
                return null;
            }

            @Override
            public String getInitParameter(String name) {
                return parameters.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(parameters.keySet());
            }
        });
        return login;
    }
}
