package de.govtech.gateway.edge;

import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceHopTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLERS_SPAN = "00f067aa0ba902b7";

    @Test
    void theCallersTraceFlagsAndStateGoOnWithTheGatewaysSpan() {
        MultiMap caller = MultiMap.caseInsensitiveMultiMap()
                .add("traceparent", "00-" + TRACE + "-" + CALLERS_SPAN + "-01").add("tracestate", "vendor=value");

        SpanContext hop = TraceHop.join(caller);
        MultiMap upstream = MultiMap.caseInsensitiveMultiMap();
        TraceHop.inject(hop, upstream);

        assertEquals(TRACE, hop.getTraceId());
        assertNotEquals(CALLERS_SPAN, hop.getSpanId());
        assertTrue(hop.isValid());
        assertEquals("00-" + TRACE + "-" + hop.getSpanId() + "-01", upstream.get("traceparent"));
        assertEquals("vendor=value", upstream.get("tracestate"));
    }

    @Test
    void anUnsampledTraceStaysUnsampled() {
        SpanContext hop = TraceHop.join(MultiMap.caseInsensitiveMultiMap().add("traceparent", "00-" + TRACE + "-" + CALLERS_SPAN + "-00"));

        assertEquals(TRACE, hop.getTraceId());
        assertFalse(hop.isSampled());
    }

    @Test
    void withoutAWellFormedTraceparentATraceIsStarted() {
        for (MultiMap caller : new MultiMap[] { MultiMap.caseInsensitiveMultiMap(),
                MultiMap.caseInsensitiveMultiMap().add("traceparent", "00-not-a-trace-01") }) {
            SpanContext hop = TraceHop.join(caller);
            MultiMap upstream = MultiMap.caseInsensitiveMultiMap();
            TraceHop.inject(hop, upstream);

            assertTrue(hop.isValid());
            assertFalse(hop.isSampled(), "a trace the gateway starts is not recorded anywhere it would be sampled");
            assertTrue(upstream.get("traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00"), upstream.get("traceparent"));
            assertNull(upstream.get("tracestate"));
        }
        assertNotEquals(TraceHop.join(MultiMap.caseInsensitiveMultiMap()).getTraceId(),
                TraceHop.join(MultiMap.caseInsensitiveMultiMap()).getTraceId());
    }
}
