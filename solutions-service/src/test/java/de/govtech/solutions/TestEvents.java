package de.govtech.solutions;

import de.govtech.platform.testkit.KafkaTopicReader;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;

/** Reads what the service published on solutions.events (through the outbox relay, as any consumer sees it). */
public final class TestEvents {

    public static final String TOPIC = "solutions.events";

    private TestEvents() {
    }

    /** The payloads of {@code type} (short name, e.g. solution-proposed) about aggregate {@code key}, at least {@code count}. */
    public static List<JsonPath> of(String type, String key, int count) {
        String fullType = "de.govtech.solutions." + type + ".v1";
        List<ConsumerRecord<String, String>> records = KafkaTopicReader.fromTestBroker().readMatching(TOPIC,
                r -> key.equals(r.key()) && fullType.equals(KafkaTopicReader.header(r, "ce_type")), count, Duration.ofSeconds(30));
        return records.stream().map(r -> new JsonPath(r.value())).toList();
    }

    /** How many events of {@code type} about {@code key} the outbox holds (rows stay after publishing: exact). */
    public static long inOutbox(javax.sql.DataSource dataSource, String type, String key) {
        return Database.count(dataSource, "select count(*) from outbox_event where event_type = ? and aggregate_id = ?",
                "de.govtech.solutions." + type + ".v1", key);
    }
}
