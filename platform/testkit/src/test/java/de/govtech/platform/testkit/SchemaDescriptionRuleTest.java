package de.govtech.platform.testkit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract test's rule for schema descriptions, without a service. */
class SchemaDescriptionRuleTest {

    @Test
    void objectsAndEnumsNeedADescription() {
        assertFalse(ServicePlatformContractTest.isDescribed(Map.of("type", "object")));
        assertFalse(ServicePlatformContractTest.isDescribed(Map.of("type", "object", "description", " ")));
        assertFalse(ServicePlatformContractTest.isDescribed(Map.of("type", "string", "enum", List.of("OPEN", "CLOSED"))));
        assertFalse(ServicePlatformContractTest.isDescribed(
                Map.of("type", "string", "format", "x", "enum", List.of("OPEN"))));
        assertTrue(ServicePlatformContractTest.isDescribed(Map.of("type", "object", "description", "A course")));
    }

    @Test
    void theJdksScalarTypesAreDescribedByTheirFormat() {
        assertTrue(ServicePlatformContractTest.isDescribed(Map.of("type", "string", "format", "uuid")));
        assertTrue(ServicePlatformContractTest.isDescribed(Map.of("type", "string", "format", "date-time")));
    }
}
