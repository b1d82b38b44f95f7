package de.govtech.deploy.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code <data dir>/restarts.properties}: what the running launcher's {@link Supervisor} did to each child
 * (application name = one line of text), for {@code stack.sh status}. Deleted when the stack stops.
 */
final class RestartStatus {

    private RestartStatus() {
    }

    static Path file(StackLayout layout) {
        return layout.dataDir().resolve("restarts.properties");
    }

    static synchronized void put(StackLayout layout, String name, String text) {
        Map<String, String> all = new TreeMap<>(read(layout));
        all.put(name, text);
        Properties properties = new Properties();
        properties.putAll(all);
        try {
            Path temp = Files.createTempFile(layout.dataDir(), ".restarts-", ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(out, "written by the launcher; read by stack.sh status");
            }
            Files.move(temp, file(layout), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the status command then shows less; the stack runs on
        }
    }

    static Map<String, String> read(StackLayout layout) {
        Map<String, String> all = new TreeMap<>();
        if (!Files.isRegularFile(file(layout))) {
            return all;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file(layout), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            return all;
        }
        properties.stringPropertyNames().forEach(name -> all.put(name, properties.getProperty(name)));
        return all;
    }

    static synchronized void clear(StackLayout layout) {
        try {
            Files.deleteIfExists(file(layout));
        } catch (IOException e) {
            // see put
        }
    }
}
