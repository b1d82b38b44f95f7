package de.govtech.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    private final RouteTemplates templates = new RouteTemplates(List.of("membership", "marketplace"));

    @Test
    void aPathOfARouteGroupIsNamedByTheGroupsTemplate() {
        assertEquals("/api/v1/membership/**", templates.of("/api/v1/membership/municipalities/f4ec1f01-9f1c-3d34"));
        assertEquals("/api/v1/membership/**", templates.of("/api/v1/membership/"));
        assertEquals("/api/v1/membership/**", templates.of("/api/v1/membership"));
        assertEquals("/api/v1/marketplace/**", templates.of("/api/v1/marketplace/catalogue/apps"));
    }

    @Test
    void otherPathsHaveNoTemplate() {
        assertNull(templates.of("/api/v1/membershipx/a"));
        assertNull(templates.of("/api/v1/learning/courses"));
        assertNull(templates.of("/api/v1/openapi"));
        assertNull(templates.of("/api/v1/"));
        assertNull(templates.of("/q/health"));
        assertNull(templates.of("/"));
        assertNull(templates.of(null));
    }
}
