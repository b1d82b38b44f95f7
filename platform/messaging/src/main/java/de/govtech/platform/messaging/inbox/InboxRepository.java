package de.govtech.platform.messaging.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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
}
