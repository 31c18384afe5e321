package org.topolayer.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.topolayer.io.BadInputException;
import org.topolayer.io.FileProblems;

/**
 * Reads a configuration file in Java properties syntax ({@code key = value}, '#' comments) into
 * its keys and trimmed values in file order. A key given twice is refused, since one of the two
 * settings would be silently lost.
 */
public final class ConfigFile {
    private ConfigFile() {
    }

    /**
     * @throws BadInputException naming the file if it cannot be read or is not a properties file
     * @throws ConfigException   naming the file and the key if a key is given twice
     */
    public static Map<String, String> read(Path file) throws BadInputException {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file.toString(), "is a directory; give --config a .properties file");
        }
        Map<String, String> inOrder = new LinkedHashMap<>();
        Properties properties = new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public synchronized Object put(Object key, Object value) { // load() calls put once per entry
                if (inOrder.put((String) key, ((String) value).strip()) != null) {
                    throw new ConfigException(file + ": key '" + key + "' is set twice; keep one");
                }
                return super.put(key, value);
            }
        };
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (CharacterCodingException e) {
            throw new BadInputException(file.toString(), "not a text file in UTF-8; give --config a .properties file");
        } catch (IOException e) {
            throw new BadInputException(file.toString(), FileProblems.describe(e));
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) { // Properties' only parse error: a malformed \\uXXXX escape
            throw new BadInputException(file.toString(), "not a properties file (" + e.getMessage() + ")");
        }
        return inOrder;
    }
}
