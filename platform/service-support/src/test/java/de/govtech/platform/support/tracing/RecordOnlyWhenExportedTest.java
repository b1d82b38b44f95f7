package de.govtech.platform.support.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.opentelemetry.runtime.config.runtime.exporter.OtlpExporterConfig;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordOnlyWhenExportedTest {

    private static final Optional<String> NONE = Optional.empty();
    private static final Optional<String> QUARKUS_DEFAULT = Optional.of(OtlpExporterConfig.DEFAULT_GRPC_BASE_URI);
    private static final Optional<String> COLLECTOR = Optional.of("http://jaeger:4317");

    @Test
    void anEndpointOtherThanQuarkusDefaultMeansExported() {
        assertTrue(RecordOnlyWhenExported.exported(COLLECTOR, NONE));
        assertTrue(RecordOnlyWhenExported.exported(QUARKUS_DEFAULT, COLLECTOR), "the traces endpoint alone");
        assertTrue(RecordOnlyWhenExported.exported(COLLECTOR, QUARKUS_DEFAULT));
    }

    @Test
    void noEndpointTheDefaultOrABlankOneMeansNotExported() {
        assertFalse(RecordOnlyWhenExported.exported(NONE, NONE));
        assertFalse(RecordOnlyWhenExported.exported(QUARKUS_DEFAULT, NONE));
        assertFalse(RecordOnlyWhenExported.exported(QUARKUS_DEFAULT, QUARKUS_DEFAULT));
        assertFalse(RecordOnlyWhenExported.exported(Optional.of(" "), NONE));
    }

    @Test
    void exportedKeepsTheConfiguredSampler() {
        Sampler configured = Sampler.traceIdRatioBased(0.5);
        assertSame(configured, RecordOnlyWhenExported.sampler(configured, true));
        assertSame(RecordOnlyWhenExported.WITHOUT_EXPORT, RecordOnlyWhenExported.sampler(configured, false));
    }
}
