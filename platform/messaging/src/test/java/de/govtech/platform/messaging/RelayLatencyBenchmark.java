package de.govtech.platform.messaging;

import de.govtech.platform.messaging.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static de.govtech.platform.testkit.KafkaTopicReader.header;

/**
 * Measures how long an event takes from the commit of its transaction until a consumer receives it from Kafka, and
 * until the test application's inbox consumer ({@link TestMemberProjection} on an {@code InboxSubscription}, the path a
 * service's projection takes)
 * applies it.
 * Not part of the test suite (tag "benchmark"); run it with {@code bench/relay-latency.sh}. It prints figures and
 * asserts nothing about time.
 */
@QuarkusTest
@RealInfrastructure
@Tag("benchmark")
class RelayLatencyBenchmark {

    private static final int WARM_UP = 100;
    private static final int MEASURED = Integer.getInteger("bench.events", 1000);
    private static final long PAUSE_MILLIS = Long.getLong("bench.pause-ms", 5);

    /** When (System.nanoTime) each event's writing transaction began. */
    private final Map<String, Long> begun = new ConcurrentHashMap<>();
    /** When each event's {@code Outbox.append} returned (serialised, validated, inserted; not yet committed). */
    private final Map<String, Long> appended = new ConcurrentHashMap<>();

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void commitToConsumerLatency() throws Exception {
        Map<String, Long> received = new ConcurrentHashMap<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(received, consuming), "latency-consumer");
        consumer.start();
        Thread.sleep(3000); // let the consumer join and sit at the end of the topic

        // the warm-up also lets the application's channel join its group and catch up with the topic: measured
        // events start once both consumers have everything, so no start-up backlog is counted
        awaitArrival(commitAll(WARM_UP), received);
        Map<String, Long> committed = commitAll(MEASURED);
        awaitArrival(committed, received);
        consuming.set(false);
        consumer.join();

        System.out.printf("%nRELAY LATENCY, %d events, %d ms apart:%n", MEASURED, PAUSE_MILLIS);
        print("commit -> Kafka consumer", committed, received);
        print("commit -> applied by the inbox consumer", committed, TestMemberProjection.appliedAt);
        printStages(committed);
    }

    /**
     * Stage by stage, when {@link StageClock} was named in {@code kafka.interceptor.classes}: per stage the p50/p90/p99
     * of its duration, and its share of the sum of the stages' medians (shares hold better than absolute figures on a
     * busy machine).
     */
    private void printStages(Map<String, Long> committed) {
        if (StageClock.handedToProducer.isEmpty()) {
            return;
        }
        Map<String, Long> acknowledged = StageClock.acknowledgedById();
        List<String[]> stages = List.of(
                new String[] {"begin -> Outbox.append returned (serialise, validate, insert)", "begin", "appended"},
                new String[] {"append -> commit returned (the writer's commit)", "appended", "commit"},
                new String[] {"commit -> relay hands record to producer (wake, lock, select)", "commit", "handed"},
                new String[] {"handed -> broker acknowledged", "handed", "acked"},
                new String[] {"handed -> the subscription's poll returns it", "handed", "polled"},
                new String[] {"poll returns -> handler runs (decode, inbox tx begin + claim)", "polled", "applied"},
                new String[] {"handler runs -> inbox tx committed (handler's write + commit)", "applied", "consumed"});
        Map<String, Map<String, Long>> points = Map.of("begin", begun, "appended", appended, "commit", committed,
                "handed", StageClock.handedToProducer, "acked", acknowledged, "polled", StageClock.polled,
                "applied", TestMemberProjection.appliedAt,
                "consumed", StageClock.consumed);
        System.out.printf("%nSTAGES, %d events (p50 / p90 / p99 ms; share of the sum of medians, ack excluded):%n",
                committed.size());
        double[][] figures = new double[stages.size()][];
        double sum = 0;
        for (int i = 0; i < stages.size(); i++) {
            Map<String, Long> from = points.get(stages.get(i)[1]);
            Map<String, Long> to = points.get(stages.get(i)[2]);
            List<Long> durations = new ArrayList<>();
            committed.keySet().forEach(id -> {
                if (from.containsKey(id) && to.containsKey(id)) {
                    durations.add(to.get(id) - from.get(id));
                }
            });
            Collections.sort(durations);
            figures[i] = new double[] {nearestRank(durations, 0.5), nearestRank(durations, 0.9),
                    nearestRank(durations, 0.99), durations.size()};
            if (i != 3) {
                sum += figures[i][0];
            }
        }
        for (int i = 0; i < stages.size(); i++) {
            System.out.printf("  %-66s %7.2f %7.2f %7.2f   %5s  (n=%d)%n", stages.get(i)[0], figures[i][0], figures[i][1],
                    figures[i][2], i == 3 ? "" : "%d%%".formatted(Math.round(100 * figures[i][0] / sum)), (int) figures[i][3]);
        }
    }

    private static double nearestRank(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    /** Commits {@code count} events one transaction each, {@link #PAUSE_MILLIS} apart; returns id → commit time. */
    private Map<String, Long> commitAll(int count) throws InterruptedException {
        Map<String, Long> committed = new ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            UUID municipality = UUID.randomUUID();
            long begin = System.nanoTime();
            long[] appendedAt = new long[1];
            String id = QuarkusTransaction.requiringNew().call(() -> {
                UUID eventId = outbox.append(TestEvents.memberJoined(municipality, "LATENCY Gemeinde"));
                appendedAt[0] = System.nanoTime();
                return eventId;
            }).toString();
            committed.put(id, System.nanoTime());
            begun.put(id, begin);
            appended.put(id, appendedAt[0]);
            Thread.sleep(PAUSE_MILLIS);
        }
        return committed;
    }

    private static void awaitArrival(Map<String, Long> committed, Map<String, Long> received) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(received.keySet().containsAll(committed.keySet())
                && TestMemberProjection.appliedAt.keySet().containsAll(committed.keySet())) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static void print(String what, Map<String, Long> committed, Map<String, Long> arrived) {
        List<Long> latencies = new ArrayList<>();
        committed.forEach((id, at) -> latencies.add(arrived.getOrDefault(id, Long.MAX_VALUE) - at));
        Collections.sort(latencies);
        System.out.printf("  %s:%n", what);
        for (double p : new double[] {0.5, 0.9, 0.95, 0.99, 1.0}) {
            long nanos = latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(p * latencies.size()) - 1));
            System.out.printf("    p%-5s %8.1f ms%n", p == 1.0 ? "max" : String.valueOf((int) (p * 100)), nanos / 1e6);
        }
    }

    private void consume(Map<String, Long> received, AtomicBoolean consuming) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "latency-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of("membership.events"));
            while (consuming.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    received.putIfAbsent(String.valueOf(header(record, "ce_id")), System.nanoTime());
                }
            }
        }
    }
}
