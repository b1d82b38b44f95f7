package de.govtech.gateway.edge;

import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import static de.govtech.gateway.edge.HttpSpansOnlyWhenExported.VERTX_HTTP;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpSpansOnlyWhenExportedTest {

    @Test
    void withoutAnEndpointTheHttpInstrumentationIsOff() {
        assertFalse(httpSpans(Map.of()));
        assertFalse(httpSpans(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317/")), "Quarkus' default");
    }

    @Test
    void withAnEndpointItStaysOn() {
        assertTrue(httpSpans(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://jaeger:4317")));
        assertTrue(httpSpans(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://jaeger:4317")));
    }

    @Test
    void anExplicitSettingWins() {
        assertTrue(httpSpans(Map.of(VERTX_HTTP, "true")));
        assertFalse(httpSpans(Map.of(VERTX_HTTP, "false", "quarkus.otel.exporter.otlp.endpoint", "http://jaeger:4317")));
    }

    private static boolean httpSpans(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withDefaultValue(VERTX_HTTP, "true")
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withInterceptors(new HttpSpansOnlyWhenExported())
                .build();
        return config.getValue(VERTX_HTTP, Boolean.class);
    }
}
