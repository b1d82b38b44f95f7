package de.govtech.platform.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a service's Kafka consumers owe the platform, read from its configuration (property name → value): every
 * platform-messaging subscription ({@code govtech.subscriptions.<name>.…}) names its topics and group id, and no
 * consumer can skip a record. A subscription has no failure strategy to choose — a record whose consumption stops
 * stays uncommitted and the subscription reports itself failed — but it would skip the records before its group's
 * first join when it starts at the latest offset, and a fresh database's history when the projection's rebuild is
 * switched off. A SmallRye incoming channel skips a record it could not finish unless its failure strategy is
 * {@code fail}.
 */
public final class KafkaConsumerRules {

    static final String SUBSCRIPTIONS = "govtech.subscriptions.";
    static final String INCOMING = "mp.messaging.incoming.";
    private static final String CONNECTOR = ".connector";

    private KafkaConsumerRules() {
    }

    /** The subscriptions named in the configuration (a name has no dot). */
    public static Set<String> subscriptions(Map<String, String> config) {
        Set<String> names = new TreeSet<>();
        for (String property : config.keySet()) {
            if (property.startsWith(SUBSCRIPTIONS) && property.indexOf('.', SUBSCRIPTIONS.length()) > 0) {
                names.add(property.substring(SUBSCRIPTIONS.length(), property.indexOf('.', SUBSCRIPTIONS.length())));
            }
        }
        return names;
    }

    /** Each subscription setting that must be there and is not, as {@code <name>: <setting>}. */
    public static List<String> incompleteSubscriptions(Map<String, String> config) {
        List<String> missing = new ArrayList<>();
        for (String name : subscriptions(config)) {
            for (String setting : List.of("topics", "group-id")) {
                if (config.getOrDefault(SUBSCRIPTIONS + name + "." + setting, "").isBlank()) {
                    missing.add(name + ": " + setting);
                }
            }
        }
        return missing;
    }

    /** Each consumer that could skip a record, with the setting that lets it. */
    public static List<String> skippingConsumers(Map<String, String> config) {
        List<String> skipping = new ArrayList<>();
        for (String name : subscriptions(config)) {
            String prefix = SUBSCRIPTIONS + name + ".";
            // the Kafka setting of the same name overrides the subscription's own
            String reset = config.getOrDefault(prefix + "kafka.auto.offset.reset",
                    config.getOrDefault(prefix + "auto-offset-reset", "earliest"));
            if (!"earliest".equals(reset)) {
                skipping.add("subscription " + name + ": auto-offset-reset=" + reset);
            }
            if ("false".equalsIgnoreCase(config.getOrDefault(prefix + "rebuild-fresh-projection", "true"))) {
                skipping.add("subscription " + name + ": rebuild-fresh-projection=false");
            }
        }
        for (String property : config.keySet()) {
            if (property.startsWith(INCOMING) && property.endsWith(CONNECTOR)) {
                String channel = property.substring(INCOMING.length(), property.length() - CONNECTOR.length());
                String strategy = config.getOrDefault(INCOMING + channel + ".failure-strategy", "(default)");
                if (!"fail".equals(strategy)) {
                    skipping.add("channel " + channel + ": failure-strategy=" + strategy);
                }
            }
        }
        return skipping;
    }
}
