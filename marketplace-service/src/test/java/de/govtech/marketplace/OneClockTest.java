package de.govtech.marketplace;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The marketplace reads time from the one injected {@link java.time.Clock} (platform-service-support's
 * {@code PlatformClock}, a test's {@code TestClock}), never from a clock of its own: no main class makes one.
 */
class OneClockTest {

    @Test
    void noMainClassMakesAClockOfItsOwn() throws IOException {
        Path sources = Path.of("src/main/java");
        assertTrue(Files.isDirectory(sources), "run from the module directory");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String text = Files.readString(p);
                    return Stream.of("Clock.system", "Clock.fixed", "Instant.now()", "LocalDate.now()", "OffsetDateTime.now()",
                            "System.currentTimeMillis()").anyMatch(text::contains);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).sorted().toList();
            assertEquals(List.of(), offenders);
        }
    }
}
