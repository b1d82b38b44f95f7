package de.govtech.platform.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's Kafka topics, read from the resource {@code govtech/kafka-topics.properties}
 * (one line per topic: {@code <name>=partitions=<n>,retention=<ISO-8601 duration or unlimited>}).
 */
public final class PlatformTopics {

    static final String RESOURCE = "govtech/kafka-topics.properties";

    private static final List<TopicSpec> ALL = load();

    private PlatformTopics() {
    }

    /** All topics in the order the resource lists them. */
    public static List<TopicSpec> all() {
        return ALL;
    }

    private static List<TopicSpec> load() {
        try (InputStream in = PlatformTopics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<TopicSpec> topics = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    topics.add(parse(line));
                }
            }
            return List.copyOf(topics);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    static TopicSpec parse(String line) {
        int eq = line.indexOf('=');
        if (eq < 1) {
            throw new IllegalStateException("Bad line in " + RESOURCE + ": " + line);
        }
        String name = line.substring(0, eq).strip();
        Map<String, String> attributes = new HashMap<>();
        for (String pair : line.substring(eq + 1).split(",")) {
            String[] keyValue = pair.split("=", 2);
            if (keyValue.length != 2) {
                throw new IllegalStateException("Bad attribute '" + pair + "' for topic " + name + " in " + RESOURCE);
            }
            attributes.put(keyValue[0].strip(), keyValue[1].strip());
        }
        String partitions = attributes.get("partitions");
        String retention = attributes.get("retention");
        if (partitions == null || retention == null) {
            throw new IllegalStateException("Topic " + name + " in " + RESOURCE + " needs partitions and retention");
        }
        return new TopicSpec(name, Integer.parseInt(partitions), "unlimited".equals(retention) ? null : Duration.parse(retention));
    }
}
