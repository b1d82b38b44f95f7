package de.govtech.marketplace.subscriptions;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrokerSlotsTest {

    @Test
    void aBrokerGetsAtMostItsShareAndOthersAreUnaffected() {
        BrokerSlots slots = new BrokerSlots(2);
        assertTrue(slots.tryAcquire("https://slow.example"));
        assertTrue(slots.tryAcquire("https://slow.example"));
        assertFalse(slots.tryAcquire("https://slow.example"), "the third call to one broker waits");
        assertEquals(Set.of("https://slow.example"), slots.saturated());
        assertTrue(slots.tryAcquire("https://other.example"), "another broker still has its slots");

        slots.release("https://slow.example");
        assertEquals(Set.of(), slots.saturated());
        assertTrue(slots.tryAcquire("https://slow.example"));
        slots.release("https://slow.example");
        slots.release("https://slow.example");
        slots.release("https://slow.example");
        assertEquals(0, slots.inFlight("https://slow.example"), "releasing more than taken never goes negative");
        assertThrows(IllegalArgumentException.class, () -> new BrokerSlots(0));
    }
}
