package org.topolayer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topolayer.io.BadInputException;

class ConfigTest {
    private static final List<Config.Key> KEYS = List.of(new Config.Key("seed", "1"),
            new Config.Key("learning-rate", "0.01"), new Config.Key("steps", "10"), new Config.Key("tasks", "a,b"),
            new Config.Key("eps", "0.1,0.2"));

    @TempDir
    Path dir;

    @Test
    void anUnknownKeyInAFileNamesTheFileAndTheClosestKey() throws Exception {
        Path file = Files.writeString(dir.resolve("train.properties"), "seed = 2\nlerning-rate = 0.1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> new Config(KEYS).load(file));
        assertEquals(file + ": unknown key 'lerning-rate'; did you mean 'learning-rate'?", e.getMessage());

        Config c = new Config(KEYS);
        ConfigException far = assertThrows(ConfigException.class, () -> c.setAll(Map.of("momentum", "1"), "--set"));
        assertEquals("--set: unknown key 'momentum'; valid keys: seed, learning-rate, steps, tasks, eps",
                far.getMessage());
    }

    @Test
    void aLayerWithAnUnknownKeyChangesNothing() {
        Config c = new Config(KEYS);
        java.util.LinkedHashMap<String, String> layer = new java.util.LinkedHashMap<>();
        layer.put("seed", "5");
        layer.put("sed", "6");
        assertThrows(ConfigException.class, () -> c.setAll(layer, "f"));
        assertEquals("1", c.get("seed"));
    }

    @Test
    void aFileIsReadInOrderAndAKeyGivenTwiceIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("c.properties"), "# comment\nsteps = 3 \nseed:4\n\ntasks=a\n");
        assertEquals(List.of("steps", "seed", "tasks"), List.copyOf(ConfigFile.read(file).keySet()));
        assertEquals("3", ConfigFile.read(file).get("steps"));

        Path twice = Files.writeString(dir.resolve("twice.properties"), "seed = 1\nsteps = 2\nseed = 3\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.read(twice));
        assertEquals(twice + ": key 'seed' is set twice; keep one", e.getMessage());
    }

    @Test
    void unreadableFilesAreBadInputNamingTheFile() throws Exception {
        BadInputException missing = assertThrows(BadInputException.class, () -> ConfigFile.read(dir.resolve("no.properties")));
        assertEquals(dir.resolve("no.properties") + ": no such file or directory", missing.getMessage());
        assertThrows(BadInputException.class, () -> ConfigFile.read(dir));
        Path escape = Files.writeString(dir.resolve("escape.properties"), "seed = \\u12\n");
        BadInputException bad = assertThrows(BadInputException.class, () -> ConfigFile.read(escape));
        assertEquals(escape.toString(), bad.source());
        Path binary = Files.write(dir.resolve("binary.properties"), new byte[] {'a', '=', (byte) 0xC3, (byte) 0x28});
        assertEquals(binary.toString(), assertThrows(BadInputException.class, () -> ConfigFile.read(binary)).source());
    }

    @Test
    void typedValuesAreRangeCheckedNamingTheKeyAndWhereTheValueCameFrom() {
        Config c = new Config(KEYS).set("steps", "0", "conf/train.properties");
        assertEquals("conf/train.properties: steps must be an integer ≥ 1, got '0'",
                assertThrows(ConfigException.class, () -> c.integer("steps", 1)).getMessage());
        assertEquals(0, c.integer("steps", 0));
        c.set("steps", "99999999999", "--set");
        assertThrows(ConfigException.class, () -> c.integer("steps", 0));
        c.set("learning-rate", "-0.1", "--set");
        assertEquals("--set: learning-rate must be a number > 0, got '-0.1'",
                assertThrows(ConfigException.class, () -> c.positive("learning-rate")).getMessage());
        for (String notFinite : List.of("NaN", "Infinity", "1e999", "0x1p3", "1d", "")) {
            c.set("learning-rate", notFinite, "--set");
            assertThrows(ConfigException.class, () -> c.number("learning-rate"), notFinite);
        }
        c.set("eps", "0.3, 0.1", null);
        assertEquals(List.of(0.1, 0.3), java.util.Arrays.stream(c.positives("eps")).boxed().toList());
        c.set("eps", "0.1,0", null);
        assertEquals("eps must be a comma-separated list of numbers > 0, got '0.1,0'",
                assertThrows(ConfigException.class, () -> c.positives("eps")).getMessage());
        c.set("tasks", "a,bb", "f");
        assertEquals("f: tasks: unknown entry 'bb'; did you mean 'b'?",
                assertThrows(ConfigException.class, () -> c.choices("tasks", List.of("a", "b"))).getMessage());
    }

    @Test
    void effectiveValuesAreTyped() {
        Config c = new Config(KEYS).setAssignment("steps=7", "--set");
        assertEquals(Map.of("seed", 1L, "learning-rate", 0.01, "steps", 7L, "tasks", "a,b", "eps", "0.1,0.2"),
                c.effective());
        assertThrows(ConfigException.class, () -> c.setAssignment("steps", "--set"));
    }
}
