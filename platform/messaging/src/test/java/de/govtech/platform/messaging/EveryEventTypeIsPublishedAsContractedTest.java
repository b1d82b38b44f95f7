package de.govtech.platform.messaging;

import de.govtech.platform.events.CloudEvent;
import de.govtech.platform.events.CloudEventCodec;
import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.EventSchemas;
import de.govtech.platform.events.EventType;
import de.govtech.platform.events.HeaderLookup;
import de.govtech.platform.events.SamplePayloads;
import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.testkit.KafkaTopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.govtech.platform.testkit.KafkaTopicReader.header;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every registered event type, produced through the outbox and read back from its topic, meets its contract. */
@QuarkusTest
@RealInfrastructure
class EveryEventTypeIsPublishedAsContractedTest {

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eachTypeArrivesOnItsTopicAndValidatesAgainstItsSchema() {
        Map<EventType, UUID> ids = new EnumMap<>(EventType.class);
        Map<EventType, EventPayload> samples = SamplePayloads.all();
        assertEquals(EventType.values().length, samples.size(), "a sample for every type");
        QuarkusTransaction.requiringNew().run(() -> samples.forEach((type, payload) -> ids.put(type, outbox.append(payload))));

        KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers);
        for (EventType type : EventType.values()) {
            String id = ids.get(type).toString();
            List<ConsumerRecord<String, String>> found = reader.readMatching(type.topic(),
                    record -> id.equals(header(record, "ce_id")), 1, Duration.ofSeconds(30));
            assertEquals(1, found.size(), type + " arrives once on " + type.topic());
            ConsumerRecord<String, String> record = found.get(0);
            byte[] value = record.value().getBytes(StandardCharsets.UTF_8);

            assertEquals(List.of(), EventSchemas.validate(type.typeName(), value), type + " validates against its schema");
            CloudEvent event = CloudEventCodec.decode((HeaderLookup) name -> {
                var header = record.headers().lastHeader(name);
                return header == null ? null : header.value();
            }, value);
            assertEquals(type.typeName(), event.type());
            assertEquals(type.source(), event.source());
            assertEquals(samples.get(type).aggregateId(), event.subject());
            assertEquals(samples.get(type).aggregateId(), record.key());
            assertEquals(samples.get(type), event.payload(), type + " reads back as the payload that was written");
        }
    }
}
