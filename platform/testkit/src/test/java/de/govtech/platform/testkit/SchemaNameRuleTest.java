package de.govtech.platform.testkit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The contract test's rule for schema names, without a service. */
class SchemaNameRuleTest {

    @Test
    void viewsGenericTypesAndMarkersAreJavaNamesDeliberateNamesAreNot() {
        List<String> java = List.of("MunicipalityView", "PageMembershipView", "ListString", "MapStringObject",
                "OptionalUUID", "Page<Membership>", "Page«Membership»", "Map_String_Object", "de.govtech.Municipality");
        List<String> deliberate = List.of("Municipality", "MembershipPage", "Page", "Listing", "ListingSummary",
                "Settlement", "UUID", "Problem", "MunicipalityContactRequest", "Overview2");
        assertEquals(java, java.stream().filter(ServicePlatformContractTest::isJavaTypeName).toList());
        assertEquals(List.of(), deliberate.stream().filter(ServicePlatformContractTest::isJavaTypeName).toList());
    }
}
