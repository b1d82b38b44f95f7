package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessStartTest {

    @Test
    void theStartTicksAreFoundAfterACommandWithSpacesAndParentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 2579913 12 3 18446744073709551615";

        assertEquals(2_579_913, ProcessStart.startTicks(stat));
    }

    @Test
    void aProcessKeepsItsStartAndALaterProcessHasItsOwn() throws Exception {
        Process first = new ProcessBuilder("sleep", "30").start();
        Thread.sleep(50);
        Process second = new ProcessBuilder("sleep", "30").start();
        try {
            long start = ProcessStart.of(first.toHandle());

            assertTrue(start >= 0);
            assertEquals(start, ProcessStart.of(first.toHandle()));
            assertNotEquals(start, ProcessStart.of(second.toHandle()));
        } finally {
            first.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            second.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
