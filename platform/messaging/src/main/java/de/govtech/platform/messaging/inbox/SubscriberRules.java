package de.govtech.platform.messaging.inbox;

import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What keeps the declared subscribers from starting, each problem naming the class that declares it: checked before
 * any subscription starts, so a misconfigured application fails its start instead of leaving events unapplied.
 */
final class SubscriberRules {

    private SubscriberRules() {
    }

    static List<String> problems(List<DeclaredSubscriber> declared, Config config) {
        List<String> problems = new ArrayList<>();
        for (DeclaredSubscriber subscriber : declared) {
            if (subscriber.subscription() == null) {
                problems.add(subscriber.declaredBy() + ": an EventHandler bean without @Subscribes, never started");
                continue;
            }
            if (subscriber.subscription().isBlank()) {
                problems.add(subscriber.declaredBy() + ": @Subscribes names no subscription");
            } else {
                for (String setting : List.of("topics", "group-id")) {
                    String property = InboxSubscriptions.PREFIX + subscriber.subscription() + "." + setting;
                    if (config.getOptionalValue(property, String.class).isEmpty()) {
                        problems.add(subscriber.declaredBy() + ": subscription " + subscriber.subscription()
                                + " has no " + property);
                    }
                }
            }
            if (subscriber.consumer().isBlank()) {
                problems.add(subscriber.declaredBy() + ": @Subscribes names no consumer");
            }
        }
        problems.addAll(shared("subscription", declared, DeclaredSubscriber::subscription));
        problems.addAll(shared("consumer", declared, DeclaredSubscriber::consumer));
        return problems;
    }

    /** A subscription (or inbox consumer) that more than one handler names: only one of them could apply its events. */
    private static List<String> shared(String what, List<DeclaredSubscriber> declared,
                                       Function<DeclaredSubscriber, String> name) {
        Map<String, List<String>> declaredBy = new LinkedHashMap<>();
        for (DeclaredSubscriber subscriber : declared) {
            String named = name.apply(subscriber);
            if (named != null && !named.isBlank()) {
                declaredBy.computeIfAbsent(named, n -> new ArrayList<>()).add(subscriber.declaredBy());
            }
        }
        return declaredBy.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> String.join(", ", e.getValue()) + ": one " + what + " " + e.getKey() + " for all of them")
                .toList();
    }
}
