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
