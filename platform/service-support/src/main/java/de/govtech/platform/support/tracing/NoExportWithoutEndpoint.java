package de.govtech.platform.support.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.opentelemetry.runtime.config.runtime.exporter.OtlpExporterConfig;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Spans stay in the process unless an OTLP endpoint is configured ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} or
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}). Quarkus builds its OTLP exporter only when no other span
 * exporter can be looked up; this one can be exactly while both endpoints still have Quarkus' default (the
 * collector address {@value OtlpExporterConfig#DEFAULT_GRPC_BASE_URI}, where nothing listens here), so a service
 * without a collector has trace ids for its logs and Kafka headers but sends nothing and warns about nothing. What
 * reaches it at all is only a caller's sampled trace: {@link RecordOnlyWhenExported} records nothing else.
 */
@Singleton
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = OtlpExporterConfig.DEFAULT_GRPC_BASE_URI,
        lookupIfMissing = true)
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = OtlpExporterConfig.DEFAULT_GRPC_BASE_URI,
        lookupIfMissing = true)
public class NoExportWithoutEndpoint implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
