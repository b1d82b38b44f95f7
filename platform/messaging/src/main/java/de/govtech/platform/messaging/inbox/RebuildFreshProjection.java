package de.govtech.platform.messaging.inbox;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds a projection when its database is new: the consumer group's offsets live in Kafka and outlive a database
 * that is wiped or replaced, so a consumer would otherwise continue where the old database left off and the new one
 * would never learn the earlier events. On every partition assignment, a partition this database has not applied
 * events from ({@code inbox_partition}, written with the first applied event) is read from its beginning; the
 * inbox skips whatever was applied already.
 *
 * <p>Channel configuration: {@code mp.messaging.incoming.<channel>.consumer-rebalance-listener.name=}{@value #NAME}.
 * Meant for topics that keep their records (membership.events keeps them for good).
 */
@ApplicationScoped
@Identifier(RebuildFreshProjection.NAME)
public class RebuildFreshProjection implements KafkaConsumerRebalanceListener {

    public static final String NAME = "govtech.rebuild-fresh-projection";

    private final InboxRepository inbox;

    public RebuildFreshProjection(InboxRepository inbox) {
        this.inbox = inbox;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<TopicPartition> fresh;
        try {
            Set<TopicPartition> known = inbox.knownPartitions(partitions);
            fresh = partitions.stream().filter(p -> !known.contains(p)).toList();
        } catch (RuntimeException e) {
            // without the answer, reading everything again is the safe side: the inbox skips what was applied
            Log.warnf("Could not tell which partitions are new to this database (%s); reading %s from the beginning",
                    e.getMessage(), partitions);
            fresh = List.copyOf(partitions);
        }
        if (!fresh.isEmpty()) {
            Log.infof("Reading %s from the beginning: new to this database", fresh);
            consumer.seekToBeginning(fresh);
        }
    }
}
