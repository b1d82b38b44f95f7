package de.govtech.platform.messaging;

import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.messaging.tracing.TraceContext;
import de.govtech.platform.testkit.KafkaTopicReader;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** One trace from the transaction that writes an event, through the outbox and Kafka, to the consumer's handler. */
@QuarkusTest
@RealInfrastructure
class TraceThroughKafkaTest {

    private static final String TOPIC = "membership.events";

    @Inject
    Outbox outbox;

    @Inject
    OpenTelemetry telemetry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theHandlerOfAnEventRunsInTheTraceOfTheTransactionThatWroteIt() {
        String name = "TRACED Gemeinde " + UUID.randomUUID();
        // a caller that asks for its trace: without an OTLP endpoint only a sampled trace is recorded (RecordOnlyWhenExported)
        Context sampledCaller = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(
                TraceId.fromLongs(ThreadLocalRandom.current().nextLong(), 1L), SpanId.fromLong(2L),
                TraceFlags.getSampled(), TraceState.getDefault())));
        Span request = telemetry.getTracer("test").spanBuilder("POST /applications/{id}/admit").setParent(sampledCaller)
                .startSpan();
        UUID eventId;
        try (Scope ignored = request.makeCurrent()) {
            eventId = QuarkusTransaction.requiringNew().call(
                    () -> outbox.append(TestEvents.memberJoined(UUID.randomUUID(), name)));
        } finally {
            request.end();
        }
        String traceId = request.getSpanContext().getTraceId();

        ConsumerRecord<String, String> sent = new KafkaTopicReader(bootstrapServers).readUntil(TOPIC,
                records -> records.stream().anyMatch(r -> eventId.toString().equals(KafkaTopicReader.header(r, "ce_id"))),
                Duration.ofSeconds(30)).stream()
                .filter(r -> eventId.toString().equals(KafkaTopicReader.header(r, "ce_id"))).findFirst().orElseThrow();
        String traceparent = KafkaTopicReader.header(sent, TraceContext.TRACEPARENT);
        assertEquals("00-" + traceId + "-" + request.getSpanContext().getSpanId() + "-01", traceparent,
                "the relay sends the writer's trace context as the traceparent header");

        await().atMost(Duration.ofSeconds(30)).until(() -> TestMemberProjection.seenTraces.containsKey(name));
        TestMemberProjection.SeenTrace seen = TestMemberProjection.seenTraces.get(name);
        assertEquals(TOPIC + " process", seen.spanName(), "the handler runs in the inbox's consumer span");
        assertEquals(traceId, seen.traceId(), "the consumer span belongs to the writer's trace");
        assertEquals(request.getSpanContext().getSpanId(), seen.parentSpanId(), "its parent is the span that wrote the event");
        assertEquals(traceId, seen.mdcTraceId(), "the handler's log lines name the trace");
        assertNotNull(seen.mdcSpanId());
        assertNotEquals(request.getSpanContext().getSpanId(), seen.mdcSpanId(), "and the consumer's own span");
    }

    @Test
    void anEventWrittenOutsideATraceCarriesNoTraceparent() {
        UUID eventId = QuarkusTransaction.requiringNew().call(
                () -> outbox.append(TestEvents.memberJoined(UUID.randomUUID(), "Gemeinde ohne Spur")));

        List<ConsumerRecord<String, String>> sent = new KafkaTopicReader(bootstrapServers).readUntil(TOPIC,
                records -> records.stream().anyMatch(r -> eventId.toString().equals(KafkaTopicReader.header(r, "ce_id"))),
                Duration.ofSeconds(30)).stream()
                .filter(r -> eventId.toString().equals(KafkaTopicReader.header(r, "ce_id"))).toList();
        assertEquals(1, sent.size());
        assertEquals(null, KafkaTopicReader.header(sent.get(0), TraceContext.TRACEPARENT));
    }
}
