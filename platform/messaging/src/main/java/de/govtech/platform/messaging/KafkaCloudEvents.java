package de.govtech.platform.messaging;

import de.govtech.platform.events.CloudEvent;
import de.govtech.platform.events.CloudEventCodec;
import de.govtech.platform.events.CloudEventHeaders;
import de.govtech.platform.events.EventJson;
import de.govtech.platform.messaging.outbox.OutboxRecord;
import de.govtech.platform.messaging.tracing.TraceContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** Adapts the contracts' CloudEvents codec (binary content mode) to Kafka records. */
public final class KafkaCloudEvents {

    private KafkaCloudEvents() {
    }

    /**
     * The Kafka record for an outbox row: key = aggregate id, value = the JSON data, attributes as ce_* headers, the
     * row's trace context as {@code traceparent}/{@code tracestate} headers.
     */
    public static ProducerRecord<String, byte[]> toProducerRecord(OutboxRecord row) {
        byte[] data = row.payloadJson().getBytes(StandardCharsets.UTF_8);
        CloudEvent event = new CloudEvent(row.eventId().toString(), row.source(), row.eventType(), row.aggregateId(),
                row.occurredAt(), CloudEventHeaders.APPLICATION_JSON, EventJson.readTree(data));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), null, row.aggregateId(), data);
        CloudEventCodec.encodeHeaders(event, record.headers()::add);
        addHeader(record, TraceContext.TRACEPARENT, row.traceContext().traceparent());
        addHeader(record, TraceContext.TRACESTATE, row.traceContext().tracestate());
        return record;
    }

    /** A header of a consumed record as text; null when absent. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void addHeader(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null && !value.isEmpty()) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Reads the CloudEvent of a consumed record; throws if the record is not a valid binary-mode CloudEvent. */
    public static CloudEvent read(ConsumerRecord<String, byte[]> record) {
        return CloudEventCodec.decode(name -> {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : header.value();
        }, record.value());
    }
}
