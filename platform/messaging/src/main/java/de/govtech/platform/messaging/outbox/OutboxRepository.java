package de.govtech.platform.messaging.outbox;

import de.govtech.platform.messaging.tracing.TraceContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plain JDBC access to {@code outbox_event}. Every method runs on the connection of the caller's
 * JTA transaction (Agroal enlists it), so an insert commits or rolls back with the caller's change.
 */
@ApplicationScoped
public class OutboxRepository {

    /** Only one relay transaction at a time per database, whichever instance runs it. */
    static final long RELAY_LOCK_KEY = 0x6f7574626f78L; // "outbox"

    private final AgroalDataSource dataSource;

    public OutboxRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long insert(OutboxRecord record) {
        String sql = """
                insert into outbox_event (event_id, event_type, source, topic, aggregate_id, occurred_at, payload,
                                          trace_parent, trace_state)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                returning id""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, record.eventId());
            statement.setString(2, record.eventType());
            statement.setString(3, record.source());
            statement.setString(4, record.topic());
            statement.setString(5, record.aggregateId());
            statement.setObject(6, record.occurredAt());
            statement.setString(7, record.payloadJson());
            statement.setString(8, record.traceContext().traceparent());
            statement.setString(9, record.traceContext().tracestate());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new OutboxException("Could not write event " + record.eventType() + " to the outbox", e);
        }
    }

    /**
     * Takes the transaction-scoped relay lock and, if this transaction got it, selects and locks the oldest
     * unpublished rows — in one statement, the one round trip between the relay's wake-up and its send. Several
     * instances of a service may run a relay; the one that gets the lock publishes, the others find it taken and try
     * again later. Publishing from a single transaction at a time keeps the per-aggregate order that the rows' ids
     * give.
     *
     * <p>The statement's snapshot is older than the lock: a row another relay published and committed in between
     * still looks unpublished in it, but {@code for update} re-reads the row's latest version and re-checks the
     * condition (PostgreSQL's read committed), so the row is not selected again.
     *
     * @return the rows, or empty when another transaction holds the lock
     */
    public Optional<List<OutboxRecord>> lockRelayAndSelectUnpublished(int limit) {
        String sql = """
                with relay_lock as materialized (select pg_try_advisory_xact_lock(?) as held)
                select relay_lock.held, e.id, e.event_id, e.event_type, e.source, e.topic, e.aggregate_id, e.occurred_at,
                       e.payload, e.trace_parent, e.trace_state
                from relay_lock
                left join lateral (
                    select id, event_id, event_type, source, topic, aggregate_id, occurred_at, payload::text as payload,
                           trace_parent, trace_state
                    from outbox_event
                    where relay_lock.held and published_at is null and parked_at is null
                    order by id
                    limit ?
                    for update skip locked) e on true
                order by e.id""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, RELAY_LOCK_KEY);
            statement.setInt(2, limit);
            List<OutboxRecord> records = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getBoolean(1)) {
                        return Optional.empty();
                    }
                    if (rs.getObject(2) == null) {
                        continue; // the lock is ours, the outbox has nothing to send
                    }
                    records.add(new OutboxRecord(
                            rs.getLong(2),
                            rs.getObject(3, UUID.class),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class),
                            rs.getString(9),
                            new TraceContext(rs.getString(10), rs.getString(11))));
                }
            }
            return Optional.of(records);
        } catch (SQLException e) {
            throw new OutboxException("Could not take the relay lock and read the outbox", e);
        }
    }

    public void markPublished(List<OutboxRecord> records) {
        Long[] ids = records.stream().map(OutboxRecord::id).toArray(Long[]::new);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "update outbox_event set published_at = now() where id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("bigint", ids));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("Could not mark events published", e);
        }
    }

    /**
     * Counts a failed send, and separately one while Kafka took other events of the same attempt; parks the row when
     * {@code park} (it will not be selected again until unparked).
     */
    public void recordFailure(OutboxRecord record, String error, boolean othersSent, boolean park) {
        String sql = """
                update outbox_event set attempts = attempts + 1, last_error = left(?, 2000),
                       failures_while_others_sent = failures_while_others_sent + case when ? then 1 else 0 end,
                       parked_at = case when ? then now() else parked_at end
                where id = ?""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, error);
            statement.setBoolean(2, othersSent);
            statement.setBoolean(3, park);
            statement.setLong(4, record.id());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("Could not record the failure of event " + record.eventId(), e);
        }
    }

    /** Failed sends of the row so far while Kafka took other events of the same attempt. */
    public int failuresWhileOthersSent(OutboxRecord record) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select failures_while_others_sent from outbox_event where id = ?")) {
            statement.setLong(1, record.id());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new OutboxException("Could not read the attempts of event " + record.eventId(), e);
        }
    }

    /** Unpublished events waiting for the relay (parked ones apart) and the age of the oldest, for metrics and health. */
    public Backlog backlog() {
        String sql = """
                select count(*) filter (where parked_at is null),
                       coalesce(extract(epoch from now() - min(occurred_at) filter (where parked_at is null)), 0),
                       count(*) filter (where parked_at is not null)
                from outbox_event where published_at is null""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new Backlog(rs.getLong(1), rs.getDouble(2), rs.getLong(3));
        } catch (SQLException e) {
            throw new OutboxException("Could not measure the outbox", e);
        }
    }

    /** What the outbox holds that Kafka does not have yet. */
    public record Backlog(long pending, double oldestAgeSeconds, long parked) {
    }

    public int deleteInboxEntriesBefore(Instant cutoff) {
        // a record set aside stays remembered, so reading its partition again never sets it aside twice
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "delete from inbox_event where processed_at < ? and dead_lettered_at is null")) {
            statement.setTimestamp(1, Timestamp.from(cutoff));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("Could not clean up the inbox", e);
        }
    }

    public int deletePublishedBefore(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "delete from outbox_event where published_at is not null and published_at < ?")) {
            statement.setTimestamp(1, Timestamp.from(cutoff));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("Could not clean up the outbox", e);
        }
    }

    public long countUnpublished() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from outbox_event where published_at is null");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new OutboxException("Could not count the outbox", e);
        }
    }
}
