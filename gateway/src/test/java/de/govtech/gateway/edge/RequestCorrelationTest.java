package de.govtech.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestCorrelationTest {

    @Test
    void keepsWellFormedRequestIdsAndReplacesOthers() {
        assertEquals("abc-123:x.y_z", RequestCorrelation.requestId("abc-123:x.y_z"));
        assertNotEquals("a b", RequestCorrelation.requestId("a b"));
        assertNotEquals("x".repeat(65), RequestCorrelation.requestId("x".repeat(65)));
        assertEquals(36, RequestCorrelation.requestId(null).length());
    }

    @Test
    void recognisesValidTraceparents() {
        assertTrue(RequestCorrelation.isTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertFalse(RequestCorrelation.isTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
        assertFalse(RequestCorrelation.isTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"));
        assertFalse(RequestCorrelation.isTraceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertFalse(RequestCorrelation.isTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"));
        assertFalse(RequestCorrelation.isTraceparent(null));
    }

    @Test
    void generatedTraceparentsAreValid() {
        for (int i = 0; i < 100; i++) {
            assertTrue(RequestCorrelation.isTraceparent(RequestCorrelation.newTraceparent()));
        }
    }
}
