package de.govtech.platform.support.tracing;

import de.govtech.platform.support.testapp.StartedSpans;
import de.govtech.platform.support.testapp.TraceProbeResource.Seen;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tests configure no OTLP endpoint: a request without a sampled parent is traced (ids in the log MDC and in what
 * goes on) but records nothing, so no span reaches a span processor; a caller's sampled trace is still recorded.
 */
@QuarkusTest
class TracingWithoutEndpointTest {

    private static final String CALLERS_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLERS_SPAN = "00f067aa0ba902b7";

    @Inject
    StartedSpans startedSpans;

    @Test
    void aRequestWithoutTraceparentHasATraceForLogsAndEventsButRecordsNoSpan() {
        Seen seen = probe(given());

        assertTrue(seen.traceId().matches("[0-9a-f]{32}") && !seen.traceId().equals("0".repeat(32)), seen.traceId());
        assertFalse(seen.recording(), "the server span records");
        assertEquals("00-" + seen.traceId() + "-" + seen.spanId() + "-00", seen.traceparent(), "what goes on");
        assertEquals(seen.traceId(), seen.mdcTraceId(), "the log lines' trace");
        assertEquals(seen.spanId(), seen.mdcSpanId(), "the log lines' span");
        assertEquals(0, startedSpans.inTrace(seen.traceId()), "spans reached a span processor");
    }

    @Test
    void anUnsampledCallersTraceIsJoinedWithoutRecording() {
        Seen seen = probe(given().header("traceparent", "00-" + CALLERS_TRACE + "-" + CALLERS_SPAN + "-00"));

        assertEquals(CALLERS_TRACE, seen.traceId());
        assertNotEquals(CALLERS_SPAN, seen.spanId(), "the caller's span went on, not one of this service");
        assertFalse(seen.recording());
        assertEquals("00-" + CALLERS_TRACE + "-" + seen.spanId() + "-00", seen.traceparent());
        assertEquals(CALLERS_TRACE, seen.mdcTraceId());
        assertEquals(0, startedSpans.inTrace(CALLERS_TRACE));
    }

    @Test
    void aSampledCallersTraceStaysSampledDownstream() {
        String traceId = "5cf92f3577b34da6a3ce929d0e0e4737";
        Seen seen = probe(given().header("traceparent", "00-" + traceId + "-" + CALLERS_SPAN + "-01"));

        assertEquals(traceId, seen.traceId());
        assertTrue(seen.recording(), "a sampled caller's trace is recorded as before");
        assertEquals("00-" + traceId + "-" + seen.spanId() + "-01", seen.traceparent());
        assertEquals(seen.spanId(), seen.mdcSpanId());
        assertTrue(startedSpans.inTrace(traceId) > 0, "the sampled trace reached no span processor");
    }

    private static Seen probe(RequestSpecification request) {
        return request.when().get("/trace-probe").then().statusCode(200).extract().as(Seen.class);
    }
}
