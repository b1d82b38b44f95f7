package de.govtech.platform.messaging.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** {@code inbox_event}: which consumer has applied which event. */
@ApplicationScoped
public class InboxRepository {

    private final AgroalDataSource dataSource;

    public InboxRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the event for the consumer in the current transaction.
     *
     * @return false when the consumer has processed this event id before
     */
    public boolean recordIfNew(String consumer, String eventId, String eventType) {
        String sql = """
                insert into inbox_event (consumer, event_id, event_type)
                values (?, ?, ?)
                on conflict (consumer, event_id) do nothing""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, consumer);
            statement.setString(2, eventId);
            statement.setString(3, eventType);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record event " + eventId + " in the inbox", e);
        }
    }

    /** What the inbox knew of an event when a consumer claimed it. */
    public enum Claim {
        /** Not seen before (or, for a replay, set aside before): the consumer applies it now. */
        NEW,
        /** Applied before: skip it. */
        APPLIED_BEFORE,
        /** Set aside on the dead-letter topic before: skip it; only the dead-letter replay applies it. */
        DEAD_LETTERED_BEFORE
    }

    /**
     * Records the event for the consumer in the current transaction unless the consumer has seen it, and notes the
     * partition as {@link #rememberPartition} does — in one statement, the one round trip every consumed event needs
     * before its handler runs. With {@code takeOverDeadLetter} (the dead-letter replay) an event the consumer set
     * aside counts as new: its entry becomes an ordinary one, and goes back to "set aside" if the transaction rolls
     * back.
     */
    public Claim claim(String consumer, String eventId, String eventType, boolean takeOverDeadLetter, String topic,
                       int partition) {
        String sql = """
                with partition_mark as (
                    insert into inbox_partition (topic, kafka_partition) values (?, ?) on conflict do nothing)
                insert into inbox_event (consumer, event_id, event_type)
                values (?, ?, ?)
                on conflict (consumer, event_id) do nothing""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, topic);
            statement.setInt(2, partition);
            statement.setString(3, consumer);
            statement.setString(4, eventId);
            statement.setString(5, eventType);
            if (statement.executeUpdate() == 1) {
                return Claim.NEW;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record event " + eventId + " in the inbox", e);
        }
        return seenBefore(consumer, eventId, takeOverDeadLetter);
    }

    private Claim seenBefore(String consumer, String eventId, boolean takeOverDeadLetter) {
        String sql = takeOverDeadLetter
                ? """
                  update inbox_event set dead_lettered_at = null, dead_letter_reason = null, processed_at = now()
                  where consumer = ? and event_id = ? and dead_lettered_at is not null"""
                : "select 1 from inbox_event where consumer = ? and event_id = ? and dead_lettered_at is not null";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, consumer);
            statement.setString(2, eventId);
            if (takeOverDeadLetter) {
                return statement.executeUpdate() == 1 ? Claim.NEW : Claim.APPLIED_BEFORE;
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Claim.DEAD_LETTERED_BEFORE : Claim.APPLIED_BEFORE;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read event " + eventId + " in the inbox", e);
        }
    }

    /**
     * Remembers, in the current transaction, that the consumer sets the record aside on the dead-letter topic.
     *
     * @param recordKey the event id, or {@link #recordKey} for a record that has none
     * @return false when the consumer has seen the record before (set aside or applied): do not set it aside again
     */
    public boolean rememberDeadLetter(String consumer, String recordKey, String eventType, String reason) {
        String sql = """
                insert into inbox_event (consumer, event_id, event_type, dead_lettered_at, dead_letter_reason)
                values (?, ?, left(?, 200), now(), left(?, 2000))
                on conflict (consumer, event_id) do nothing""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, consumer);
            statement.setString(2, recordKey);
            statement.setString(3, eventType);
            statement.setString(4, reason);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remember dead letter " + recordKey + " in the inbox", e);
        }
    }

    /** The inbox key of a record without an event id: its place in the topic, which a re-read finds again. */
    public static String recordKey(String topic, int partition, long offset) {
        return "record:%s-%d@%d".formatted(topic, partition, offset);
    }

    /** Notes, in the current transaction, that this database has applied events of the partition. */
    public void rememberPartition(String topic, int partition) {
        String sql = "insert into inbox_partition (topic, kafka_partition) values (?, ?) on conflict do nothing";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, topic);
            statement.setInt(2, partition);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not note partition " + topic + "-" + partition + " in the inbox", e);
        }
    }

    /** The partitions among {@code partitions} that this database has applied events from. */
    public Set<TopicPartition> knownPartitions(Collection<TopicPartition> partitions) {
        Set<TopicPartition> known = new HashSet<>();
        String sql = "select 1 from inbox_partition where topic = ? and kafka_partition = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (TopicPartition partition : partitions) {
                statement.setString(1, partition.topic());
                statement.setInt(2, partition.partition());
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        known.add(partition);
                    }
                }
            }
            return known;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the inbox partitions", e);
        }
    }
}
