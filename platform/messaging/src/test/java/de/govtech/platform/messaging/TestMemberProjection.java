package de.govtech.platform.messaging;

import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.messaging.inbox.EventHandler;
import de.govtech.platform.messaging.inbox.PoisonMessageException;
import de.govtech.platform.messaging.inbox.ReceivedEvent;
import de.govtech.platform.messaging.inbox.Subscribes;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.ReadableSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logmanager.MDC;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer as a service would write one (an {@link EventHandler} that {@link Subscribes}, started by the platform): keeps a projection
 * of members. Declares "POISON…" names permanently
 * unacceptable; fails on purpose for the first {@value #FLAKY_FAILURES} attempts of "FLAKY…" names.
 */
@ApplicationScoped
@Subscribes(subscription = TestMemberProjection.SUBSCRIPTION, consumer = TestMemberProjection.CONSUMER)
public class TestMemberProjection implements EventHandler {

    static final String CONSUMER = "test.member-projection";
    /** Its subscription to membership.events ({@code govtech.subscriptions.membership-in.*}). */
    static final String SUBSCRIPTION = "membership-in";
    static final int FLAKY_FAILURES = 6;
    /** While true, "REFUSED…" names are declared poison: a bug that a later fix (setting it false) removes. */
    static volatile boolean refuseRefused = true;
    /** What the handler saw of the trace while it applied "TRACED…" names: its current span and the logging MDC. */
    static final Map<String, SeenTrace> seenTraces = new ConcurrentHashMap<>();
    /** When (System.nanoTime) the handler applied "LATENCY…" names, by event id, for {@link RelayLatencyBenchmark}. */
    static final Map<String, Long> appliedAt = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    public TestMemberProjection(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    @Override
    public void handle(ReceivedEvent event) throws SQLException {
        if (event.payload() instanceof MemberJoined joined) {
            if (joined.name().startsWith("POISON") || (refuseRefused && joined.name().startsWith("REFUSED"))) {
                throw new PoisonMessageException("this projection refuses " + joined.name());
            }
            if (joined.name().startsWith("FLAKY")
                    && attempts.computeIfAbsent(joined.name(), n -> new AtomicInteger()).incrementAndGet() <= FLAKY_FAILURES) {
                throw new IllegalStateException("a bug that is being fixed, attempt " + attempts.get(joined.name()));
            }
            if (joined.name().startsWith("LATENCY")) {
                appliedAt.put(event.id(), System.nanoTime());
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        StageClock.consumed.putIfAbsent(event.id(), System.nanoTime());
                    }
                });
            }
            if (joined.name().startsWith("TRACED")) {
                seenTraces.put(joined.name(), SeenTrace.now());
            }
            upsert(joined);
        }
    }

    record SeenTrace(String spanName, String traceId, String parentSpanId, String mdcTraceId, String mdcSpanId) {

        static SeenTrace now() {
            Span span = Span.current();
            ReadableSpan readable = span instanceof ReadableSpan r ? r : null;
            return new SeenTrace(readable == null ? null : readable.getName(), span.getSpanContext().getTraceId(),
                    readable == null ? null : readable.getParentSpanContext().getSpanId(),
                    (String) MDC.get("traceId"), (String) MDC.get("spanId"));
        }
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
