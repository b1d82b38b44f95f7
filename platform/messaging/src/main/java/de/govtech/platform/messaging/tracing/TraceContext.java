package de.govtech.platform.messaging.tracing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A W3C trace context as it travels with an event: {@value #TRACEPARENT} and {@value #TRACESTATE}, stored with the
 * outbox row and sent as Kafka headers of the same names (the names of the CloudEvents distributed-tracing extension).
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    public static final TraceContext NONE = new TraceContext(null, null);

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    /** The context of the span current on this thread; {@link #NONE} when there is none. */
    public static TraceContext current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return new TraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /** The remote parent that {@code headers} carry, on top of {@code base}; {@code base} itself when they carry none. */
    public static Context extract(Context base, Function<String, String> headers) {
        return W3C.extract(base, headers, new TextMapGetter<Function<String, String>>() {
            @Override
            public Iterable<String> keys(Function<String, String> carrier) {
                return java.util.List.of(TRACEPARENT, TRACESTATE);
            }

            @Override
            public String get(Function<String, String> carrier, String key) {
                return carrier == null ? null : carrier.apply(key);
            }
        });
    }

    public boolean present() {
        return traceparent != null;
    }
}
