package de.govtech.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where an event's time goes, for {@link RelayLatencyBenchmark}: a Kafka interceptor (producer and consumer in one
 * class, so {@code kafka.interceptor.classes} can name it for every client of the application) that notes, per event
 * id and by {@link System#nanoTime}, when the relay handed the record to its producer, when the broker acknowledged
 * it, and when the subscription's consumer got it back from {@code poll}. Also holds the stages the test application's
 * consumer notes itself. Only the benchmark names this class; no test depends on it.
 */
public class StageClock implements ProducerInterceptor<Object, Object>, ConsumerInterceptor<Object, Object> {

    public static final Map<String, Long> handedToProducer = new ConcurrentHashMap<>();
    public static final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    public static final Map<String, Long> polled = new ConcurrentHashMap<>();
    public static final Map<String, Long> consumed = new ConcurrentHashMap<>();
    /** topic-partition@offset → event id, so an acknowledgement (which carries no headers) finds its event. */
    private static final Map<String, String> idAtOffset = new ConcurrentHashMap<>();
    private static final Map<String, Long> ackedAtOffset = new ConcurrentHashMap<>();

    private boolean groupConsumer;

    @Override
    public void configure(Map<String, ?> configs) {
        groupConsumer = configs.containsKey(ConsumerConfig.GROUP_ID_CONFIG);
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        String id = id(record.headers());
        if (id != null) {
            handedToProducer.putIfAbsent(id, System.nanoTime());
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        if (exception == null && metadata != null && metadata.hasOffset()) {
            ackedAtOffset.putIfAbsent(place(metadata.topic(), metadata.partition(), metadata.offset()), System.nanoTime());
        }
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        long now = System.nanoTime();
        if (groupConsumer) {
            for (ConsumerRecord<Object, Object> record : records) {
                String id = id(record.headers());
                if (id != null) {
                    polled.putIfAbsent(id, now);
                    idAtOffset.put(place(record.topic(), record.partition(), record.offset()), id);
                }
            }
        }
        return records;
    }

    /** Acknowledgements by event id, once the channel's consumer has seen the records (which name the offsets). */
    public static Map<String, Long> acknowledgedById() {
        ackedAtOffset.forEach((place, at) -> {
            String id = idAtOffset.get(place);
            if (id != null) {
                acknowledged.putIfAbsent(id, at);
            }
        });
        return acknowledged;
    }

    static String id(Headers headers) {
        Header id = headers.lastHeader("ce_id");
        return id == null ? null : new String(id.value(), StandardCharsets.UTF_8);
    }

    private static String place(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }
}
