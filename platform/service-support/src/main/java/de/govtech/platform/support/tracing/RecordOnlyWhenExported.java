package de.govtech.platform.support.tracing;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.arc.Unremovable;
import io.quarkus.opentelemetry.runtime.AutoConfiguredOpenTelemetrySdkBuilderCustomizer;
import io.quarkus.opentelemetry.runtime.config.runtime.exporter.OtlpExporterConfig;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Without an OTLP endpoint no span leaves the process ({@link NoExportWithoutEndpoint}), so a process does not start
 * sampled traces: a request or event without a sampled parent gets a non-recording span — a new span id in the same
 * trace, the W3C {@code traceparent} going upstream and into Kafka headers as before (flag {@code 00}), the trace and
 * span ids in the log MDC as before — and never reaches a span processor. A parent that is sampled (a caller that asks
 * for its trace with flag {@code 01}) is still followed, so its trace stays sampled downstream: a service with an
 * endpoint behind a hop without one records what it recorded before for such callers. A trace this process starts
 * itself is unsampled, and a downstream service with the default parent-based sampler records nothing of it either
 * — configure the endpoint on every process of a trace (the gateway included) or on none.
 *
 * <p>With an endpoint configured the configured sampler ({@code quarkus.otel.traces.sampler}) stays as it is.
 */
@Singleton
@Unremovable
public class RecordOnlyWhenExported implements AutoConfiguredOpenTelemetrySdkBuilderCustomizer {

    static final Sampler WITHOUT_EXPORT = Sampler.parentBased(Sampler.alwaysOff());

    private final boolean exported;

    RecordOnlyWhenExported(@ConfigProperty(name = "quarkus.otel.exporter.otlp.endpoint") Optional<String> endpoint,
                           @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint") Optional<String> tracesEndpoint) {
        this.exported = exported(endpoint, tracesEndpoint);
    }

    @Override
    public void customize(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        builder.addSamplerCustomizer((configured, properties) -> sampler(configured, exported));
    }

    static Sampler sampler(Sampler configured, boolean exported) {
        return exported ? configured : WITHOUT_EXPORT;
    }

    /** The same condition under which {@link NoExportWithoutEndpoint} stands in for Quarkus' OTLP exporter, negated. */
    public static boolean exported(Optional<String> endpoint, Optional<String> tracesEndpoint) {
        return configured(endpoint) || configured(tracesEndpoint);
    }

    private static boolean configured(Optional<String> endpoint) {
        return endpoint.filter(value -> !value.isBlank() && !OtlpExporterConfig.DEFAULT_GRPC_BASE_URI.equals(value)).isPresent();
    }
}
