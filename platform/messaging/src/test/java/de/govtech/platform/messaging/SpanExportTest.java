package de.govtech.platform.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Without an OTLP endpoint (none is configured for the tests) a service records spans but sends them nowhere: not
 * even to Quarkus' default collector address, localhost:4317, which this test listens on.
 */
@QuarkusTest
@RealInfrastructure
class SpanExportTest {

    private static final int DEFAULT_OTLP_PORT = 4317;

    @Inject
    OpenTelemetry telemetry;

    @Test
    void withoutAnEndpointNothingIsExported() throws IOException {
        try (ServerSocket collector = new ServerSocket(DEFAULT_OTLP_PORT, 50, InetAddress.getLoopbackAddress())) {
            collector.setSoTimeout(3_000);
            telemetry.getTracer("test").spanBuilder("not exported").startSpan().end();
            OpenTelemetrySdk sdk = (OpenTelemetrySdk) ClientProxy.unwrap(telemetry);
            sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);

            assertThrows(SocketTimeoutException.class, () -> collector.accept().close(),
                    "a span exporter connected to the default OTLP address");
        }
    }
}
