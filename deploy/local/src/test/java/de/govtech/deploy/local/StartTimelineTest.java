package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartTimelineTest {

    private static final long ORIGIN = 1_000_000_000L;

    private static long at(double seconds) {
        return ORIGIN + (long) (seconds * TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void eachComponentShowsItsStartReadyAndDurationInTheOrderItBegan() {
        StartTimeline timeline = new StartTimeline(ORIGIN);
        timeline.began("PostgreSQL", at(0.2));
        timeline.ready("PostgreSQL", at(5.7));
        timeline.began("Keycloak", at(5.8));
        timeline.began("Kafka", at(5.9));
        timeline.ready("Kafka", at(14.0));
        timeline.ready("Keycloak", at(40.0));

        List<String> lines = timeline.lines(at(40.0));

        assertEquals("Start timeline (seconds since the launcher started):", lines.get(0));
        assertTrue(lines.get(1).matches("\\s+component\\s+start\\s+ready\\s+took"), lines.get(1));
        assertTrue(lines.get(2).matches("\\s+PostgreSQL\\s+0\\.2\\s+5\\.7\\s+5\\.5\\s+\\|=+\\s+\\|"), lines.get(2));
        assertTrue(lines.get(3).matches("\\s+Keycloak\\s+5\\.8\\s+40\\.0\\s+34\\.2\\s+\\|\\s+=+\\|"), lines.get(3));
        assertTrue(lines.get(4).matches("\\s+Kafka\\s+5\\.9\\s+14\\.0\\s+8\\.1\\s+\\|\\s+=+\\s+\\|"), lines.get(4));
        assertEquals("  stack ready after 40.0 s", lines.get(5));
        assertEquals(6, lines.size());
    }

    @Test
    void theBarsShareOneTimeAxis() {
        StartTimeline timeline = new StartTimeline(ORIGIN);
        timeline.began("first half", at(0));
        timeline.ready("first half", at(10));
        timeline.began("second half", at(10));
        timeline.ready("second half", at(20));

        List<String> lines = timeline.lines(at(20));

        String first = lines.get(2).substring(lines.get(2).indexOf('|'));
        String second = lines.get(3).substring(lines.get(3).indexOf('|'));
        assertEquals("|" + "=".repeat(20) + " ".repeat(20) + "|", first);
        assertEquals("|" + " ".repeat(20) + "=".repeat(20) + "|", second);
    }

    @Test
    void aFailedOrUnfinishedComponentIsShownAsSuch() {
        StartTimeline timeline = new StartTimeline(ORIGIN);
        timeline.began("Keycloak", at(1));
        timeline.failed("Keycloak", at(31));
        timeline.began("gateway", at(2));

        List<String> lines = timeline.lines(at(32));

        assertTrue(lines.get(2).matches("\\s+Keycloak\\s+1\\.0\\s+failed\\s+30\\.0\\s+\\|.*\\|"), lines.get(2));
        assertTrue(lines.get(3).matches("\\s+gateway\\s+2\\.0\\s+-\\s+-\\s+\\|.*\\|"), lines.get(3));
    }

    @Test
    void theProgressBoardFillsTheTimeline() {
        StartTimeline timeline = new StartTimeline(System.nanoTime());
        java.io.PrintStream nowhere = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        Terminal terminal = new Terminal(nowhere, nowhere, false, false);
        try (ProgressBoard board = new ProgressBoard(terminal, timeline)) {
            board.begin("Kafka");
            board.up("Kafka", "localhost:19092");
            board.begin("Keycloak");
            board.failed("Keycloak", "failed");
        }

        List<String> lines = timeline.lines(System.nanoTime());

        assertTrue(lines.get(2).matches("\\s+Kafka\\s+\\d+\\.\\d\\s+\\d+\\.\\d\\s+\\d+\\.\\d\\s+\\|.*\\|"), lines.get(2));
        assertTrue(lines.get(3).contains("failed"), lines.get(3));
    }
}
