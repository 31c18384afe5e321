package org.topolayer.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void settingsNamedLikeSecretsAreMasked() {
        for (String name : List.of("spark.authenticate.secret", "fs.s3a.secret.key", "db.password", "PASSWD",
                "hf_token", "aws.accessKey", "fs.azure.account.key.credential", "api-key", "ssl.private_key")) {
            assertTrue(Redaction.isSecretName(name), name);
            assertEquals(Redaction.MASK, Redaction.value(name, "hunter2"), name);
        }
        for (String name : List.of("maxdim", "input", "spark.master", "seed", "keys")) {
            assertFalse(Redaction.isSecretName(name), name);
        }
        assertEquals(7, Redaction.value("seed", 7));
    }

    @Test
    void uriUserInfoAndSecretAssignmentsInTextAreMasked() {
        assertEquals("cannot prepare output s3a://*****@bucket/out (no FileSystem); check --output",
                Redaction.text("cannot prepare output s3a://AKIA123:wJalr/x@bucket/out (no FileSystem); check --output"));
        assertEquals("https://*****@huggingface.co/x", Redaction.text("https://hf_abc@huggingface.co/x"));
        assertEquals("https://host/data?token=*****&part=2", Redaction.text("https://host/data?token=abc123&part=2"));
        assertEquals("spark.authenticate.secret=***** and password: *****",
                Redaction.text("spark.authenticate.secret=0a1b2c and password: \"p w\""));
        String harmless = "file:///data/a@b.csv has 3 columns; --maxdim=1 (mail: me@example.org)";
        assertEquals(harmless, Redaction.text(harmless));
    }

    @Test
    void nestedSettingsAreMasked() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("spark.authenticate.secret", "s3cr3t");
        inner.put("input", "hdfs://user:pw@nn/x");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spark", inner);
        settings.put("inputs", List.of("s3a://k:s@b/1", "local"));
        assertEquals("{spark={spark.authenticate.secret=*****, input=hdfs://*****@nn/x}, inputs=[s3a://*****@b/1,"
                + " local]}", Redaction.map(settings).toString());
    }
}
