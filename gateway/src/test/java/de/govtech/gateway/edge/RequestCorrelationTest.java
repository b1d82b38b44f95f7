package de.govtech.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestCorrelationTest {

    @Test
    void keepsWellFormedRequestIdsAndReplacesOthers() {
        assertEquals("abc-123:x.y_z", RequestCorrelation.requestId("abc-123:x.y_z"));
        assertNotEquals("a b", RequestCorrelation.requestId("a b"));
        assertNotEquals("x".repeat(65), RequestCorrelation.requestId("x".repeat(65)));
        assertEquals(36, RequestCorrelation.requestId(null).length());
        assertEquals("x".repeat(64), RequestCorrelation.requestId("x".repeat(64)));
        assertNotEquals("", RequestCorrelation.requestId(""));
        assertNotEquals("Straße", RequestCorrelation.requestId("Straße"));
        assertNotEquals("a/b", RequestCorrelation.requestId("a/b"));
    }

    @Test
    void madeIdsAreRandomVersion4Uuids() {
        UUID first = UUID.fromString(RequestCorrelation.requestId(null));
        UUID second = UUID.fromString(RequestCorrelation.requestId("not ok"));

        assertEquals(4, first.version());
        assertEquals(2, first.variant());
        assertNotEquals(first, second);
    }
}
