package de.govtech.platform.messaging;

import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.messaging.inbox.IdempotentConsumer;
import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A consumer as a service would write one: keeps a projection of members, fails on purpose for "POISON…" names. */
@ApplicationScoped
public class TestMemberProjection {

    static final String CONSUMER = "test.member-projection";

    private final IdempotentConsumer consumer;
    private final AgroalDataSource dataSource;

    public TestMemberProjection(IdempotentConsumer consumer, AgroalDataSource dataSource) {
        this.consumer = consumer;
        this.dataSource = dataSource;
    }

    @Incoming("membership-in")
    @Blocking
    public void onMembershipEvent(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (event.payload() instanceof MemberJoined joined) {
                if (joined.name().startsWith("POISON")) {
                    throw new IllegalStateException("this projection refuses " + joined.name());
                }
                upsert(joined);
            }
        });
    }

    private void upsert(MemberJoined joined) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     insert into test_member (municipality_id, name, applied_count) values (?, ?, 1)
                     on conflict (municipality_id) do update set applied_count = test_member.applied_count + 1""")) {
            statement.setObject(1, joined.municipalityId());
            statement.setString(2, joined.name());
            statement.executeUpdate();
        }
    }
}
