package de.govtech.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RequestCorrelationTest {

    @Test
    void keepsWellFormedRequestIdsAndReplacesOthers() {
        assertEquals("abc-123:x.y_z", RequestCorrelation.requestId("abc-123:x.y_z"));
        assertNotEquals("a b", RequestCorrelation.requestId("a b"));
        assertNotEquals("x".repeat(65), RequestCorrelation.requestId("x".repeat(65)));
        assertEquals(36, RequestCorrelation.requestId(null).length());
    }
}
