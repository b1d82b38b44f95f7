package de.govtech.platform.messaging.inbox;

import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Subscriptions of inbox consumers to Kafka topics, each with its own consumer and polling thread that applies the
 * records itself ({@link InboxSubscription}): no hand-over from a polling thread to an event loop to a worker, which
 * is what a SmallRye channel with a {@code @Blocking} method costs per record.
 *
 * Every {@link EventHandler} bean is started at startup with the subscription and consumer its {@link Subscribes}
 * names (a misconfigured one fails the start, naming its class: {@link SubscriberRules});
 * {@link #start(String, String, EventHandler)} starts one by hand.
 *
 * Configured under {@code govtech.subscriptions.<name>.}: {@code topics} (comma-separated), {@code group-id},
 * {@code auto-offset-reset} (default {@code earliest}), {@code rebuild-fresh-projection} (default true: a partition
 * this database has never applied events from is read from its beginning, {@link RebuildFreshProjection}),
 * {@code poll-timeout} (default 1s, bounds only an empty poll), and any Kafka consumer setting as
 * {@code govtech.subscriptions.<name>.kafka.<setting>}. Everything else (bootstrap servers, security, interceptors)
 * comes from the application's {@code kafka.*} configuration, as for the channels.
 */
@ApplicationScoped
public class InboxSubscriptions {

    static final String PREFIX = "govtech.subscriptions.";
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

    private final Map<String, Object> kafkaConfig;
    private final Config config;
    private final IdempotentConsumer inbox;
    private final RebuildFreshProjection rebuild;
    private final Event<Consumer<?, ?>> created;
    private final String applicationName;
    private final List<InstanceHandle<EventHandler>> handlers;
    private final List<InboxSubscription> subscriptions = new CopyOnWriteArrayList<>();

    public InboxSubscriptions(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Config config,
                              IdempotentConsumer inbox, @Identifier(RebuildFreshProjection.NAME) RebuildFreshProjection rebuild,
                              Event<Consumer<?, ?>> created, @All List<InstanceHandle<EventHandler>> handlers) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.inbox = inbox;
        this.rebuild = rebuild;
        this.created = created;
        this.handlers = handlers;
        this.applicationName = config.getOptionalValue("quarkus.application.name", String.class).orElse("app");
    }

    /** Starts a subscription for every {@link EventHandler} bean of the application. */
    void startSubscribers(@Observes StartupEvent started) {
        startAll(handlers.stream().map(DeclaredSubscriber::of).toList());
    }

    /** Starts every declared subscriber, or none of them if any is misconfigured. */
    void startAll(List<DeclaredSubscriber> declared) {
        List<String> problems = SubscriberRules.problems(declared, config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Inbox subscribers cannot start:\n  " + String.join("\n  ", problems));
        }
        declared.forEach(subscriber -> start(subscriber.subscription(), subscriber.consumer(), subscriber.handler().get()));
    }

    /**
     * Registers the handler with the inbox (for the dead-letter replay) and starts consuming the subscription
     * {@code name} into the inbox consumer {@code consumerName}.
     */
    public void start(String name, String consumerName, EventHandler handler) {
        String prefix = PREFIX + name + ".";
        Map<String, Object> overrides = new HashMap<>();
        String kafkaPrefix = prefix + "kafka.";
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(kafkaPrefix)) {
                overrides.put(property.substring(kafkaPrefix.length()), config.getValue(property, String.class));
            }
        }
        start(name, consumerName, handler,
                List.of(config.getValue(prefix + "topics", String[].class)),
                config.getValue(prefix + "group-id", String.class),
                config.getOptionalValue(prefix + "auto-offset-reset", String.class).orElse("earliest"),
                config.getOptionalValue(prefix + "rebuild-fresh-projection", Boolean.class).orElse(true),
                config.getOptionalValue(prefix + "poll-timeout", Duration.class).orElse(Duration.ofSeconds(1)),
                overrides);
    }

    InboxSubscription start(String name, String consumerName, EventHandler handler, List<String> topics, String groupId,
                            String autoOffsetReset, boolean rebuildFresh, Duration pollTimeout,
                            Map<String, Object> overrides) {
        inbox.register(consumerName, handler);
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, autoOffsetReset);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "kafka-consumer-" + applicationName + "-" + name);
        settings.putAll(overrides);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());

        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings);
        created.fire(consumer); // Kafka client metrics (consumer lag) as for the channels' consumers
        InboxSubscription subscription = new InboxSubscription(name, consumerName, topics, handler, inbox,
                rebuildFresh ? rebuild : null, pollTimeout, consumer);
        subscriptions.add(subscription);
        subscription.start();
        return subscription;
    }

    /** Stops one subscription and forgets it (tests). */
    void stop(InboxSubscription subscription) {
        subscription.requestStop();
        subscription.awaitStop(STOP_PATIENCE);
        subscriptions.remove(subscription);
    }

    List<InboxSubscription> all() {
        return List.copyOf(subscriptions);
    }

    /** After {@link IdempotentConsumer}'s own shutdown observer, so a retry in progress gives up at once. */
    void stopAll(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 100) ShutdownEvent shutdown) {
        subscriptions.forEach(InboxSubscription::requestStop);
        subscriptions.forEach(s -> s.awaitStop(STOP_PATIENCE));
    }
}
