package de.govtech.gateway.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.inject.Singleton;

/** A span processor next to the platform's: the trace ids of every span that reaches one. */
@Singleton
public class StartedSpans implements SpanProcessor {

    private final List<String> traceIds = new CopyOnWriteArrayList<>();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        traceIds.add(span.getSpanContext().getTraceId());
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }

    public long inTrace(String traceId) {
        return traceIds.stream().filter(traceId::equals).count();
    }
}
