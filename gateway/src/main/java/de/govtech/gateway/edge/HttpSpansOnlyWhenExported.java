package de.govtech.gateway.edge;

import java.util.Optional;

import de.govtech.platform.support.tracing.RecordOnlyWhenExported;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Without an OTLP endpoint the gateway turns OpenTelemetry's Vert.x HTTP instrumentation off
 * ({@value #VERTX_HTTP} = false, unless set explicitly): its server and client spans would be recorded for nobody,
 * yet their attributes were extracted on every request (about a tenth of the gateway's CPU samples and allocation).
 * {@link RequestCorrelation} and the proxy then carry the trace context themselves ({@link TraceHop}). With an
 * endpoint nothing changes: the instrumentation records and exports the gateway's spans as before.
 */
public class HttpSpansOnlyWhenExported implements ConfigSourceInterceptor {

    static final String VERTX_HTTP = "quarkus.otel.instrument.vertx-http";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!VERTX_HTTP.equals(name) || explicit(value)
                || RecordOnlyWhenExported.exported(valueOf(context, "quarkus.otel.exporter.otlp.endpoint"),
                        valueOf(context, "quarkus.otel.exporter.otlp.traces.endpoint"))) {
            return value;
        }
        return ConfigValue.builder().withName(name).withValue("false").withRawValue("false")
                .withConfigSourceName(getClass().getSimpleName()).build();
    }

    /** Set by a real source (properties, environment), not a default of Quarkus' (their ordinals are negative). */
    private static boolean explicit(ConfigValue value) {
        return value != null && value.getConfigSourceOrdinal() > 0;
    }

    private static Optional<String> valueOf(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        return value == null ? Optional.empty() : Optional.ofNullable(value.getValue());
    }
}
