package de.govtech.platform.messaging.inbox;

import de.govtech.platform.events.EventJson;
import de.govtech.platform.events.EventType;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.messaging.KafkaCloudEvents;
import de.govtech.platform.messaging.RealInfrastructure;
import de.govtech.platform.messaging.outbox.OutboxRecord;
import de.govtech.platform.testkit.PostgresTestResource;
import de.govtech.platform.testkit.TcpFaultProxy;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link InboxSubscriptions}: a consumer that applies the records on its own polling thread, against the real broker
 * and database. Every test has its own topic and consumer group; the handler writes to {@code test_member} in the
 * inbox transaction and notes the order in which it saw each aggregate's events.
 */
@QuarkusTest
@RealInfrastructure
class InboxSubscriptionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    InboxSubscriptions subscriptions;

    @Inject
    InboxSubscriptionsHealth health;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Per aggregate (municipality), the sequence numbers in the order the handler applied them (committed or not). */
    private final Map<UUID, List<Integer>> seen = new ConcurrentHashMap<>();
    private final List<InboxSubscription> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        started.forEach(subscriptions::stop);
    }

    @Test
    void appliesEveryPartitionInOrderAndCommitsWhatItApplied() throws Exception {
        String topic = newTopic(3);
        String group = "group-" + UUID.randomUUID();
        List<UUID> aggregates = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        send(topic, aggregates, 20);

        InboxSubscription subscription = start("ordered", topic, group, this::apply);
        await().atMost(PATIENCE).until(() -> applied(aggregates) == 60);

        aggregates.forEach(a -> assertEquals(IntStream.range(0, 20).boxed().toList(), seen.get(a), "in order, once each"));
        subscriptions.stop(subscription);
        assertEquals(60, committedTotal(group, topic), "every applied record's offset committed");
        assertEquals(0, subscription.count(ConsumeOutcome.DUPLICATE));
    }

    @Test
    void aConsumerStoppedInTheMiddleLeavesTheRestToTheNextWhichAppliesEachOnce() throws Exception {
        String topic = newTopic(1);
        String group = "group-" + UUID.randomUUID();
        UUID aggregate = UUID.randomUUID();
        send(topic, List.of(aggregate), 20);

        AtomicReference<InboxSubscription> first = new AtomicReference<>();
        first.set(start("stopped-midway", topic, group, event -> {
            apply(event);
            if (sequence(event) == 7) {
                first.get().requestStop(); // as at shutdown: the record in hand is finished, no further one begun
            }
        }));
        await().atMost(PATIENCE).until(() -> !first.get().threadAlive());
        assertEquals(8, applied(List.of(aggregate)));
        assertEquals(8, committedTotal(group, topic), "what was applied is committed at the stop, nothing more");

        InboxSubscription second = start("after-restart", topic, group, this::apply);
        await().atMost(PATIENCE).until(() -> applied(List.of(aggregate)) == 20);
        assertEquals(IntStream.range(0, 20).boxed().toList(), seen.get(aggregate), "nothing lost, nothing applied twice");
        await().atMost(PATIENCE).until(() -> second.count(ConsumeOutcome.APPLIED) == 12);
        assertEquals(0, second.count(ConsumeOutcome.DUPLICATE), "the next consumer starts after the last applied record");
    }

    @Test
    void aRecordWhoseConsumptionStopsStaysUncommittedAndTheSubscriptionReportsItselfFailed() throws Exception {
        String topic = newTopic(1);
        String group = "group-" + UUID.randomUUID();
        UUID aggregate = UUID.randomUUID();
        send(topic, List.of(aggregate), 5);

        AtomicBoolean refuse = new AtomicBoolean(true);
        InboxSubscription failing = start("failing", topic, group, event -> {
            if (sequence(event) == 2 && refuse.getAndSet(false)) {
                throw new ConsumptionStoppedException("the dead-letter topic cannot be written", null);
            }
            apply(event);
        });
        await().atMost(PATIENCE).until(() -> failing.state() == InboxSubscription.State.FAILED);
        await().atMost(PATIENCE).until(() -> !failing.threadAlive());
        assertEquals(2, committedTotal(group, topic), "the failed record's offset is not committed");
        HealthCheckResponse liveness = health.liveness().call();
        assertEquals(HealthCheckResponse.Status.DOWN, liveness.getStatus());
        assertTrue(liveness.getData().orElseThrow().get("failing").toString().startsWith("FAILED"));

        subscriptions.stop(failing); // the restart
        started.remove(failing);
        assertEquals(HealthCheckResponse.Status.UP, health.liveness().call().getStatus());
        start("restarted", topic, group, this::apply);
        await().atMost(PATIENCE).until(() -> applied(List.of(aggregate)) == 5);
        assertEquals(List.of(0, 1, 2, 3, 4), seen.get(aggregate));
    }

    /**
     * The stop's wake-up arrives while a record is in hand, and that record's consumption then stops (a retry that gives
     * up at shutdown): the records applied before it in the same poll are committed at close and the commit is
     * confirmed, although the pending wake-up makes the consumer's first blocking call throw. Kafka's client sends the
     * commit request before it raises the wake-up, so with a ready coordinator the offsets land even then; what is
     * red without the retried commit is the confirmation (the stop warns that they were not committed, and where the
     * request could not be sent first they would not be).
     */
    @Test
    void aStopWhileARecordIsInHandCommitsWhatWasAppliedBeforeIt() throws Exception {
        assertStoppedWhileInHandCommitsWhatWasApplied(false);
    }

    /** Likewise when the polling thread was interrupted (the stop's patience ran out): red while the interrupt is kept. */
    @Test
    void anInterruptedStopStillCommitsWhatWasApplied() throws Exception {
        assertStoppedWhileInHandCommitsWhatWasApplied(true);
    }

    private void assertStoppedWhileInHandCommitsWhatWasApplied(boolean interrupted) throws Exception {
        String topic = newTopic(1);
        String group = "group-" + UUID.randomUUID();
        UUID aggregate = UUID.randomUUID();
        send(topic, List.of(aggregate), 5);

        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler warningsOfTheStop = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(String.valueOf(record.getMessage()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(InboxSubscription.class.getName());
        log.addHandler(warningsOfTheStop);
        CountDownLatch inHand = new CountDownLatch(1);
        CountDownLatch stopRequested = new CountDownLatch(1);
        InboxSubscription subscription = start("stopped-in-hand", topic, group, event -> {
            if (sequence(event) == 2) {
                inHand.countDown();
                stopRequested.await();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw new ConsumptionStoppedException("stops before applying the record: shutting down", null);
            }
            apply(event);
        });
        assertTrue(inHand.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        subscription.requestStop(); // wakes the consumer up while the handler holds the record
        stopRequested.countDown();
        await().atMost(PATIENCE).until(() -> !subscription.threadAlive());
        log.removeHandler(warningsOfTheStop);

        assertEquals(List.of(), warnings, "the commit at close is confirmed");
        assertEquals(List.of(0, 1), seen.get(aggregate));
        assertEquals(2, committedTotal(group, topic), "the records applied before the stopped one are committed");
        assertEquals(InboxSubscription.State.STOPPED, subscription.state());
    }

    /** Red when the inbox's retry is removed: the failure then ends the subscription and the record is never applied. */
    @Test
    void aDatabaseOutageIsWaitedOutAndTheRecordIsAppliedOnceNotSkipped() throws Exception {
        String topic = newTopic(1);
        String group = "group-" + UUID.randomUUID();
        UUID aggregate = UUID.randomUUID();
        InboxSubscription subscription = start("outage", topic, group, this::apply);
        await().atMost(PATIENCE).until(() -> subscription.state() == InboxSubscription.State.JOINED);

        TcpFaultProxy database = PostgresTestResource.proxy();
        database.cut();
        try {
            send(topic, List.of(aggregate), 3);
            Thread.sleep(5_000); // several attempts with back-off (50 ms doubling to 500 ms in the test application)
        } finally {
            database.restore();
        }

        await().atMost(PATIENCE).until(() -> effects(aggregate) == 3);
        Thread.sleep(500);
        assertEquals(3, effects(aggregate), "each record's effect committed once");
        assertEquals(InboxSubscription.State.JOINED, subscription.state());
        assertEquals(0, subscription.count(ConsumeOutcome.DEAD_LETTERED), "nothing set aside");
        assertEquals(List.of(0, 1, 2), committedOrder(aggregate));
    }

    @Test
    void twoMembersOfAGroupHandPartitionsOverOnRebalanceWithoutApplyingAnythingTwice() throws Exception {
        String topic = newTopic(4);
        String group = "group-" + UUID.randomUUID();
        List<UUID> aggregates = IntStream.range(0, 8).mapToObj(i -> UUID.randomUUID()).toList();
        InboxSubscription a = start("member-a", topic, group, this::apply);
        await().atMost(PATIENCE).until(() -> a.state() == InboxSubscription.State.JOINED);
        send(topic, aggregates, 0, 5);

        InboxSubscription b = start("member-b", topic, group, this::apply);
        await().atMost(PATIENCE).until(() -> !b.assignment().isEmpty() && !a.assignment().isEmpty());
        send(topic, aggregates, 5, 5);
        await().atMost(PATIENCE).until(() -> applied(aggregates) == 80);

        subscriptions.stop(a);
        started.remove(a);
        await().atMost(PATIENCE).until(() -> b.assignment().size() == 4);
        send(topic, aggregates, 10, 5);
        await().atMost(PATIENCE).until(() -> applied(aggregates) == 120);

        aggregates.forEach(x -> assertEquals(IntStream.range(0, 15).boxed().toList(), seen.get(x)));
        // the handler has seen the last record; its outcome is counted once its transaction has committed
        await().atMost(PATIENCE).until(() -> a.count(ConsumeOutcome.APPLIED) + b.count(ConsumeOutcome.APPLIED) == 120);
        assertEquals(0, a.count(ConsumeOutcome.DUPLICATE) + b.count(ConsumeOutcome.DUPLICATE),
                "revoked partitions were handed over at their applied offsets");
    }

    /** The test application's projection {@link Subscribes} to membership-in: the platform started it, nobody else. */
    @Test
    void everySubscribedHandlerIsStartedWithTheApplication() {
        await().atMost(PATIENCE).until(() -> subscriptions.all().stream()
                .anyMatch(s -> s.name().equals("membership-in") && s.state() == InboxSubscription.State.JOINED));
        assertEquals(List.of("membership-in"), subscriptions.all().stream().map(InboxSubscription::name).toList());
    }

    /**
     * What the start does with the application's handlers ({@link InboxSubscriptions#startAll}): a misconfigured one
     * fails it with a message naming its class, and none of the others starts either.
     */
    @Test
    void aMisconfiguredSubscriberFailsTheStartNamingItsClass() {
        assertStartFails("example.Plain: an EventHandler bean without @Subscribes",
                declared("example.Plain", null, null));
        assertStartFails("example.NoSubscription: @Subscribes names no subscription",
                declared("example.NoSubscription", " ", "test.no-subscription"));
        assertStartFails("example.NoConsumer: @Subscribes names no consumer",
                declared("example.NoConsumer", "membership-in", ""));
        assertStartFails("example.First, example.Second: one subscription membership-in for all of them",
                declared("example.First", "membership-in", "test.first"),
                declared("example.Second", "membership-in", "test.second"));
        assertStartFails("example.First, example.Second: one consumer test.both for all of them",
                declared("example.First", "membership-in", "test.both"),
                declared("example.Second", "other-in", "test.both"));
        assertStartFails("example.Unconfigured: subscription not-configured has no govtech.subscriptions.not-configured.topics",
                declared("example.Configured", "membership-in", "test.configured"),
                declared("example.Unconfigured", "not-configured", "test.unconfigured"));
    }

    private void assertStartFails(String problem, DeclaredSubscriber... declared) {
        List<String> before = subscriptions.all().stream().map(InboxSubscription::name).toList();
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> subscriptions.startAll(List.of(declared)));
        assertTrue(failure.getMessage().contains(problem), failure.getMessage());
        assertEquals(before, subscriptions.all().stream().map(InboxSubscription::name).toList(), "nothing started");
    }

    private static DeclaredSubscriber declared(String declaredBy, String subscription, String consumer) {
        return new DeclaredSubscriber(declaredBy, subscription, consumer, () -> {
            throw new AssertionError(declaredBy + " was created, so its subscription would have started");
        });
    }

    @Test
    void notReadyUntilTheConsumerHasJoinedItsGroup() throws Exception {
        await().atMost(PATIENCE).until(() -> health.readiness().call().getStatus() == HealthCheckResponse.Status.UP);
        assertEquals("JOINED", health.readiness().call().getData().orElseThrow().get("membership-in").toString()
                .split(" ")[0], "the test application's own subscription");

        InboxSubscription unreachable = subscriptions.start("unreachable", "test.unreachable", event -> { },
                List.of(newTopic(1)), "group-" + UUID.randomUUID(), "earliest", false, Duration.ofMillis(200),
                Map.of("bootstrap.servers", "localhost:1"));
        started.add(unreachable);
        Thread.sleep(1_000);
        HealthCheckResponse readiness = health.readiness().call();
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.getStatus());
        assertEquals("STARTING []", readiness.getData().orElseThrow().get("unreachable").toString());
        assertEquals(HealthCheckResponse.Status.UP, health.liveness().call().getStatus(), "starting is alive");

        subscriptions.stop(unreachable);
        started.remove(unreachable);
        assertFalse(unreachable.threadAlive(), "the polling thread ended");
        assertEquals(HealthCheckResponse.Status.UP, health.readiness().call().getStatus());
    }

    private InboxSubscription start(String name, String topic, String group, EventHandler handler) {
        InboxSubscription subscription = subscriptions.start(name, "test.subscription." + name, handler, List.of(topic),
                group, "earliest", true, Duration.ofSeconds(1), Map.of());
        started.add(subscription);
        return subscription;
    }

    private void apply(ReceivedEvent event) throws Exception {
        MemberJoined joined = (MemberJoined) event.payload();
        seen.computeIfAbsent(joined.municipalityId(), m -> new CopyOnWriteArrayList<>()).add(sequence(event));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     insert into test_member (municipality_id, name, applied_count) values (?, ?, 1)
                     on conflict (municipality_id) do update set applied_count = test_member.applied_count + 1,
                         name = test_member.name || ',' || excluded.name""")) {
            statement.setObject(1, joined.municipalityId());
            statement.setString(2, String.valueOf(sequence(event)));
            statement.executeUpdate();
        }
    }

    private static int sequence(ReceivedEvent event) {
        return Integer.parseInt(((MemberJoined) event.payload()).name().substring("seq-".length()));
    }

    /** How many events of the aggregates the handler has seen (committed or not). */
    private int applied(List<UUID> aggregates) {
        return aggregates.stream().mapToInt(a -> seen.getOrDefault(a, List.of()).size()).sum();
    }

    private int effects(UUID aggregate) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select coalesce(sum(applied_count), 0) from test_member where municipality_id = ?")) {
            statement.setObject(1, aggregate);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The sequence numbers whose effect committed, in the order they committed. */
    private List<Integer> committedOrder(UUID aggregate) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select name from test_member where municipality_id = ?")) {
            statement.setObject(1, aggregate);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                List<Integer> order = new ArrayList<>();
                for (String s : rs.getString(1).split(",")) {
                    order.add(Integer.parseInt(s));
                }
                return order;
            }
        }
    }

    private void send(String topic, List<UUID> aggregates, int count) throws Exception {
        send(topic, aggregates, 0, count);
    }

    /** Per aggregate the events {@code from} … {@code from + count - 1}, named "seq-n", key = aggregate. */
    private void send(String topic, List<UUID> aggregates, int from, int count) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            for (int i = from; i < from + count; i++) {
                for (UUID aggregate : aggregates) {
                    MemberJoined payload = new MemberJoined(aggregate, "08121000", null, "seq-" + i,
                            MunicipalityType.STADT, "08", null, false, LocalDate.of(2026, 1, 1));
                    EventType type = payload.eventType();
                    producer.send(KafkaCloudEvents.toProducerRecord(new OutboxRecord(0, UUID.randomUUID(),
                            type.typeName(), type.source(), topic, aggregate.toString(), OffsetDateTime.now(ZoneOffset.UTC),
                            EventJson.mapper().writeValueAsString(payload))));
                }
            }
            producer.flush();
        }
    }

    private String newTopic(int partitions) throws Exception {
        String topic = "test.subscription-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        return topic;
    }

    private long committedTotal(String group, String topic) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
