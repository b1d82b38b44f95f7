package de.govtech.deploy.samplebroker;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrokerArgumentsTest {

    @Test
    void noArgumentsKeepTheDefaults() {
        assertEquals(SampleBrokerSettings.defaults(), BrokerArguments.parse().settings());
    }

    @Test
    void everyOptionIsTaken() {
        SampleBrokerSettings settings = BrokerArguments.parse("--port", "8090", "--username", "u", "--password=p",
                "--provision-delay", "PT3S", "--deprovision-delay=PT0.5S", "--retry-after", "2").settings();
        assertEquals(8090, settings.port());
        assertEquals("u", settings.username());
        assertEquals("p", settings.password());
        assertEquals(Duration.ofSeconds(3), settings.provisionDelay());
        assertEquals(Duration.ofMillis(500), settings.deprovisionDelay());
        assertEquals(2, settings.retryAfterSeconds());
    }

    @Test
    void helpIsRecognised() {
        assertTrue(BrokerArguments.parse("--help").help());
    }

    @Test
    void badArgumentsAreRefusedNamingTheOption() {
        assertMessage("--port", "--port", "eighty");
        assertMessage("--provision-delay", "--provision-delay", "3s");
        assertMessage("--retry-after needs a value", "--retry-after");
        assertMessage("unknown option --colour", "--colour", "red");
        assertMessage("port must be", "--port", "70000");
        assertMessage("password must not be blank", "--password", " ");
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BrokerArguments.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
