package de.govtech.platform.support.testapp;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.MDC;

import java.util.HashMap;
import java.util.Map;

/** What a request handler sees of its trace: its span, what it would send on (an event's headers), the log MDC. */
@Path("/trace-probe")
@Produces(MediaType.APPLICATION_JSON)
public class TraceProbeResource {

    public record Seen(String traceId, String spanId, boolean recording, String traceparent, String mdcTraceId,
                       String mdcSpanId) {
    }

    @GET
    public Seen seen() {
        Span span = Span.current();
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return new Seen(span.getSpanContext().getTraceId(), span.getSpanContext().getSpanId(), span.isRecording(),
                carrier.get("traceparent"), (String) MDC.get("traceId"), (String) MDC.get("spanId"));
    }
}
