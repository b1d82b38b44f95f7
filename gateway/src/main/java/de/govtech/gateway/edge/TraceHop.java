package de.govtech.gateway.edge;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.vertx.core.MultiMap;

/**
 * The gateway's hop in a trace while it records no spans (no OTLP endpoint, see {@link HttpSpansOnlyWhenExported}):
 * the caller's W3C trace context joined with a span id of the gateway's own — the same ids and flags an unrecorded
 * OpenTelemetry server span would have — without OpenTelemetry's per-request instrumentation.
 */
public final class TraceHop {

    /** Where the hop of a request is kept in its routing context. */
    public static final String KEY = TraceHop.class.getName();

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<MultiMap> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(MultiMap carrier) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(MultiMap carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceHop() {
    }

    /** The caller's trace (a new one when it sent none or a malformed one) with a new span id; flags and state kept. */
    public static SpanContext join(MultiMap callerHeaders) {
        SpanContext parent = Span.fromContext(W3C.extract(Context.root(), callerHeaders, HEADERS)).getSpanContext();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String spanId = SpanId.fromLong(nonZero(random));
        if (!parent.isValid()) {
            return SpanContext.create(TraceId.fromLongs(random.nextLong(), nonZero(random)), spanId, TraceFlags.getDefault(),
                    TraceState.getDefault());
        }
        return SpanContext.create(parent.getTraceId(), spanId, parent.getTraceFlags(), parent.getTraceState());
    }

    /** Sets {@code traceparent} (and {@code tracestate} when there is one) for the next hop. */
    public static void inject(SpanContext hop, MultiMap upstreamHeaders) {
        W3C.inject(Context.root().with(Span.wrap(hop)), upstreamHeaders, MultiMap::set);
    }

    private static long nonZero(ThreadLocalRandom random) {
        long value;
        do {
            value = random.nextLong();
        } while (value == 0);
        return value;
    }
}
