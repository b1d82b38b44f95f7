package de.govtech.platform.events;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class AsyncApiDocumentTest {

    private static final String DEAD_LETTER_MESSAGE = "deadLetter";

    private static Map<String, Object> doc;

    @BeforeAll
    static void parse() {
        doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(EventContracts.asyncApiYaml());
    }

    @Test
    void isAsyncApi3() {
        assertEquals("3.0.0", doc.get("asyncapi"));
        assertEquals("application/json", doc.get("defaultContentType"));
        Map<String, Object> servers = map(doc, "servers");
        assertEquals(Set.of("kafka", "local"), servers.keySet());
        servers.values().forEach(server -> assertEquals("kafka", map(server).get("protocol")));
        assertEquals("localhost:19092", map(servers, "local").get("host"));
    }

    @Test
    void listsEveryRegisteredTypeExactlyOnceAndNoOther() {
        List<String> names = new ArrayList<>();
        map(doc, "components", "messages").forEach((key, message) -> {
            if (!key.equals(DEAD_LETTER_MESSAGE)) {
                names.add((String) map(message).get("name"));
            }
        });

        Set<String> registered = Arrays.stream(EventType.values()).map(EventType::typeName).collect(Collectors.toSet());
        assertEquals(registered.size(), names.size(), "messages: " + names);
        assertEquals(registered, new HashSet<>(names));
    }

    @Test
    void everyMessageIsJsonWithCloudEventHeadersAndItsSchema() {
        map(doc, "components", "messages").forEach((key, value) -> {
            Map<String, Object> message = map(value);
            assertEquals("application/json", message.get("contentType"), key);
            if (key.equals(DEAD_LETTER_MESSAGE)) {
                return;
            }
            EventType type = EventType.forName((String) message.get("name"));

            List<Object> allOf = list(map(message, "headers").get("allOf"));
            assertEquals("#/components/schemas/cloudEventHeaders", map(allOf.get(0)).get("$ref"), key);
            Map<String, Object> specific = map(allOf.get(1), "properties");
            assertEquals(type.typeName(), map(specific, "ce_type").get("const"), key);
            assertEquals(type.source(), map(specific, "ce_source").get("const"), key);

            Map<String, Object> payload = map(message, "payload");
            assertEquals("application/schema+json;version=draft-2020-12", payload.get("schemaFormat"), key);
            String ref = (String) map(payload, "schema").get("$ref");
            assertEquals("./schemas/" + type.typeName() + ".json", ref, key);
            assertNotNull(getClass().getClassLoader().getResource("govtech/events/" + ref.substring(2)), ref);
        });
    }

    @Test
    void cloudEventHeadersSchemaRequiresTheBinaryModeAttributes() {
        Map<String, Object> headers = map(doc, "components", "schemas", "cloudEventHeaders");
        assertEquals(CloudEventHeaders.REQUIRED, headers.get("required"));
        assertEquals(new HashSet<>(CloudEventHeaders.ALL), map(headers, "properties").keySet());
        assertEquals("1.0", map(headers, "properties", "ce_specversion").get("const"));
    }

    @Test
    void eachTypeIsInTheChannelOfItsTopicAndSentByItsService() {
        Map<String, Object> channels = map(doc, "channels");
        Map<String, EventType> seen = new HashMap<>();
        for (EventArea area : EventArea.values()) {
            String channelKey = area.areaName() + "Events";
            Map<String, Object> channel = map(channels, channelKey);
            assertEquals(area.topic(), channel.get("address"));
            Set<String> types = new HashSet<>();
            map(channel, "messages").values().forEach(m -> {
                String name = (String) resolve((String) map(m).get("$ref")).get("name");
                EventType type = EventType.forName(name);
                assertEquals(area, type.area(), name + " is in the wrong channel");
                assertEquals(null, seen.put(name, type), name + " is in two channels");
                types.add(name);
            });
            assertEquals(EventType.forTopic(area.topic()).stream().map(EventType::typeName).collect(Collectors.toSet()), types);

            Map<String, Object> send = map(doc, "operations", "send" + capitalised(area.areaName()) + "Events");
            assertEquals("send", send.get("action"));
            assertEquals("#/channels/" + channelKey, map(send, "channel").get("$ref"));
            assertEquals(types.size(), list(send.get("messages")).size());
        }
        assertEquals(EventType.values().length, seen.size());
    }

    @Test
    void deadLetterTopicsAreDescribed() {
        Map<String, Object> channels = map(doc, "channels");
        for (EventArea area : EventArea.values()) {
            Map<String, Object> channel = map(channels, area.areaName() + "DeadLetter");
            assertEquals(area.deadLetterTopic(), channel.get("address"));
            assertEquals(1, map(channel, "bindings", "kafka").get("partitions"));
            Map<String, Object> send = map(doc, "operations", "send" + capitalised(area.areaName()) + "DeadLetters");
            assertEquals("send", send.get("action"));
        }
        Set<String> deadLetterHeaders = map(doc, "components", "messages", DEAD_LETTER_MESSAGE, "headers", "properties").keySet();
        assertTrue(deadLetterHeaders.containsAll(List.of(DeadLetterHeaders.REASON, DeadLetterHeaders.TOPIC,
                DeadLetterHeaders.PARTITION, DeadLetterHeaders.OFFSET)), deadLetterHeaders::toString);
    }

    @Test
    void everyLocalReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertTrue(refs.size() > 50, "expected many references, found " + refs.size());
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertNotNull(resolve(ref), ref);
            } else {
                assertNotNull(getClass().getClassLoader().getResource("govtech/events/" + ref.replaceFirst("^\\./", "")), ref);
            }
        }
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("$ref".equals(k)) {
                    refs.add((String) v);
                } else {
                    collectRefs(v, refs);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(item -> collectRefs(item, refs));
        }
    }

    /** Resolves a local JSON pointer like {@code #/components/messages/memberJoined}, following one level of $ref. */
    private static Map<String, Object> resolve(String ref) {
        Object node = doc;
        for (String part : ref.substring(2).split("/")) {
            node = map(node).get(part.replace("~1", "/").replace("~0", "~"));
            if (node == null) {
                fail("unresolved reference " + ref);
            }
        }
        Map<String, Object> target = map(node);
        return target.containsKey("$ref") ? resolve((String) target.get("$ref")) : target;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            assertTrue(current instanceof Map, "not an object at " + key);
            current = ((Map<String, Object>) current).get(key);
            assertNotNull(current, "missing " + key + " in " + String.join("/", path));
        }
        assertTrue(current instanceof Map, "not an object: " + String.join("/", path));
        return (Map<String, Object>) current;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertTrue(node instanceof List, "not a list: " + node);
        return (List<Object>) node;
    }
}
