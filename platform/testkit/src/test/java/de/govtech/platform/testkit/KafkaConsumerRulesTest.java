package de.govtech.platform.testkit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The contract test's rules for Kafka consumers, on configurations made up here. */
class KafkaConsumerRulesTest {

    private static final Map<String, String> COMPLETE = Map.of(
            "govtech.subscriptions.membership-events.topics", "membership.events",
            "govtech.subscriptions.membership-events.group-id", "marketplace-service",
            "govtech.subscriptions.membership-events.auto-offset-reset", "earliest",
            "govtech.subscriptions.solutions-events.topics", "solutions.events",
            "govtech.subscriptions.solutions-events.group-id", "marketplace-service",
            "govtech.subscriptions.solutions-events.kafka.max.poll.records", "100",
            "kafka.bootstrap.servers", "localhost:19092");

    @Test
    void aSubscriptionIsNamedByTheSegmentAfterThePrefix() {
        assertEquals(Set.of("membership-events", "solutions-events"), KafkaConsumerRules.subscriptions(COMPLETE));
        assertEquals(List.of(), KafkaConsumerRules.incompleteSubscriptions(COMPLETE));
        assertEquals(List.of(), KafkaConsumerRules.skippingConsumers(COMPLETE));
    }

    @Test
    void aSubscriptionWithoutTopicsOrGroupIsIncomplete() {
        Map<String, String> config = Map.of("govtech.subscriptions.orphan.auto-offset-reset", "earliest",
                "govtech.subscriptions.half.topics", "x.events", "govtech.subscriptions.half.group-id", " ");
        assertEquals(List.of("half: group-id", "orphan: topics", "orphan: group-id"),
                KafkaConsumerRules.incompleteSubscriptions(config));
    }

    @Test
    void startingAtTheLatestOffsetOrWithoutTheRebuildSkipsRecords() {
        Map<String, String> config = Map.of(
                "govtech.subscriptions.late.auto-offset-reset", "latest",
                "govtech.subscriptions.overridden.kafka.auto.offset.reset", "none",
                "govtech.subscriptions.forgetful.rebuild-fresh-projection", "false");
        assertEquals(List.of("subscription forgetful: rebuild-fresh-projection=false",
                        "subscription late: auto-offset-reset=latest", "subscription overridden: auto-offset-reset=none"),
                KafkaConsumerRules.skippingConsumers(config));
    }

    @Test
    void anIncomingChannelMustFailRatherThanSkip() {
        Map<String, String> config = Map.of(
                "mp.messaging.incoming.failing.connector", "smallrye-kafka",
                "mp.messaging.incoming.failing.failure-strategy", "fail",
                "mp.messaging.incoming.ignoring.connector", "smallrye-kafka",
                "mp.messaging.incoming.ignoring.failure-strategy", "ignore",
                "mp.messaging.incoming.defaulted.connector", "smallrye-kafka");
        assertEquals(Set.of("channel ignoring: failure-strategy=ignore", "channel defaulted: failure-strategy=(default)"),
                Set.copyOf(KafkaConsumerRules.skippingConsumers(config)));
    }
}
