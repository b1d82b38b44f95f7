package de.govtech.platform.openapi;

import static de.govtech.platform.openapi.Fixtures.GATEWAY;
import static de.govtech.platform.openapi.Fixtures.REALM;
import static de.govtech.platform.openapi.Fixtures.document;
import static de.govtech.platform.openapi.Fixtures.minimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OpenApiMergerTest {

    private final OpenApiMerger merger = new OpenApiMerger(MergeSettings.of(GATEWAY, REALM + "/"));

    private JsonNode mergeFixtures() {
        return merger.merge(Map.of("membership", document("membership"), "marketplace", document("marketplace"))).document();
    }

    @Test
    void theMergedDocumentIsValidOpenApi31() {
        JsonNode merged = mergeFixtures();
        assertEquals(List.of(), OpenApiValidation.violations(merged));
        assertEquals("3.1.0", merged.path("openapi").asText());
        assertEquals(MergeSettings.DEFAULT_TITLE, merged.path("info").path("title").asText());
    }

    @Test
    void theValidationCanFail() {
        ObjectNode broken = mergeFixtures().deepCopy();
        ((ObjectNode) broken.path("info")).remove("version");
        ((ObjectNode) broken.path("paths").path("/api/v1/membership/memberships").path("post").path("responses").path("201"))
                .remove("description");
        ((ObjectNode) broken.path("components").path("schemas")).putObject("Bad").put("type", 42);
        broken.put("unknownField", true);
        List<String> violations = OpenApiValidation.violations(broken);
        assertTrue(violations.stream().anyMatch(v -> v.contains("unknownField")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("version")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("/201")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("/components/schemas/Bad")), violations::toString);
    }

    @Test
    void pathsAreThoseOfTheGatewayAndTheServicesOwnAreLeftOut() {
        JsonNode merged = mergeFixtures();
        List<String> paths = new ArrayList<>();
        merged.path("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(List.of("/api/v1/marketplace/catalogue", "/api/v1/marketplace/subscriptions", "/api/v1/marketplace/contacts/{id}",
                "/api/v1/membership/memberships", "/api/v1/membership/fees/quote", "/api/v1/membership/contacts/{id}"), paths);
        assertEquals(1, merged.path("servers").size());
        assertEquals(GATEWAY, merged.path("servers").path(0).path("url").asText());
        assertFalse(merged.toString().contains("localhost:808"), "no service address may remain");
    }

    @Test
    void identicalComponentsAreKeptOnce() {
        JsonNode schemas = mergeFixtures().path("components").path("schemas");
        assertEquals(document("membership").path("components").path("schemas").path("Problem"), schemas.path("Problem"));
        assertTrue(schemas.has("ProblemFieldError"));
        assertTrue(schemas.has("UUID"));
        assertEquals("#/components/schemas/Problem", mergeFixtures().path("components").path("responses").path("BadRequest")
                .path("content").path("application/problem+json").path("schema").path("$ref").asText());
        assertFalse(schemas.has("MembershipProblem"));
    }

    @Test
    void differentComponentsWithOneNameAreRenamedByAreaAndEveryReferenceFollows() {
        JsonNode merged = mergeFixtures();
        JsonNode schemas = merged.path("components").path("schemas");
        assertFalse(schemas.has("ContactView"), "neither service may keep the plain name");
        assertTrue(schemas.path("MembershipContactView").path("properties").has("email"));
        assertTrue(schemas.path("MarketplaceContactView").path("properties").has("vendorName"));
        // identical text, but it refers to a renamed schema: renamed as well
        assertFalse(schemas.has("PageContactView"));
        assertEquals("#/components/schemas/MembershipContactView",
                schemas.path("MembershipPageContactView").path("properties").path("items").path("items").path("$ref").asText());
        assertEquals("#/components/schemas/MarketplaceContactView",
                schemas.path("MarketplacePageContactView").path("properties").path("items").path("items").path("$ref").asText());
        assertEquals("#/components/schemas/MembershipContactView",
                schemas.path("MembershipApplication").path("properties").path("contact").path("$ref").asText());
        assertEquals("#/components/schemas/MarketplaceContactView",
                schemas.path("Order").path("discriminator").path("mapping").path("contact").asText());
        assertEquals("#/components/schemas/MarketplaceContactView", merged.path("paths").path("/api/v1/marketplace/contacts/{id}")
                .path("get").path("responses").path("200").path("content").path("application/json").path("schema").path("$ref").asText());
        assertEquals("#/components/schemas/MarketplacePageContactView", merged.path("paths").path("/api/v1/marketplace/catalogue")
                .path("get").path("responses").path("200").path("content").path("application/json").path("schema").path("$ref").asText());
        assertEquals(List.of(), danglingRefs(merged));
    }

    @Test
    void aRenamedNameThatIsTakenGetsANumber() {
        ObjectNode alpha = minimal("alpha", "/api/v1/alpha/x", "getX");
        alpha.putObject("components").putObject("schemas").putObject("Thing").put("type", "string");
        ObjectNode beta = minimal("beta", "/api/v1/beta/y", "getY");
        ObjectNode betaSchemas = beta.putObject("components").putObject("schemas");
        betaSchemas.putObject("Thing").put("type", "integer");
        betaSchemas.putObject("AlphaThing").put("type", "boolean");
        JsonNode schemas = merger.merge(Map.of("alpha", alpha, "beta", beta)).document().path("components").path("schemas");
        assertEquals("boolean", schemas.path("AlphaThing").path("type").asText());
        assertEquals("string", schemas.path("AlphaThing2").path("type").asText());
        assertEquals("integer", schemas.path("BetaThing").path("type").asText());
    }

    @Test
    void aClashingOperationIdIsPrefixedWithItsArea() {
        MergeResult result = merger.merge(Map.of("membership", document("membership"), "marketplace", document("marketplace")));
        JsonNode paths = result.document().path("paths");
        assertEquals("membershipGetContact", paths.path("/api/v1/membership/contacts/{id}").path("get").path("operationId").asText());
        assertEquals("marketplaceGetContact", paths.path("/api/v1/marketplace/contacts/{id}").path("get").path("operationId").asText());
        assertEquals("applyForMembership", paths.path("/api/v1/membership/memberships").path("post").path("operationId").asText());
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("getContact")), result.notes()::toString);
    }

    @Test
    void aClashingOperationIdFailsWhenTheSettingsSaySo() {
        var strict = new OpenApiMerger(MergeSettings.of(GATEWAY, REALM).failingOnOperationIdClash());
        var e = assertThrows(OpenApiMergeException.class,
                () -> strict.merge(Map.of("membership", document("membership"), "marketplace", document("marketplace"))));
        assertTrue(e.getMessage().contains("getContact"), e.getMessage());
    }

    @Test
    void oneKeycloakSchemeReplacesTheServicesSchemes() {
        JsonNode schemes = mergeFixtures().path("components").path("securitySchemes");
        assertEquals(1, schemes.size());
        JsonNode scheme = schemes.path(OpenApiMerger.SECURITY_SCHEME);
        assertEquals("oauth2", scheme.path("type").asText());
        JsonNode flow = scheme.path("flows").path("authorizationCode");
        assertEquals(REALM + "/protocol/openid-connect/auth", flow.path("authorizationUrl").asText());
        assertEquals(REALM + "/protocol/openid-connect/token", flow.path("tokenUrl").asText());
        assertTrue(flow.path("scopes").has("openid"));
        assertTrue(scheme.path("description").asText().contains(REALM + "/.well-known/openid-configuration"));
    }

    @Test
    void securedOperationsRequireKeycloakAndKeepTheirRolesPublicOnesStayPublic() {
        JsonNode paths = mergeFixtures().path("paths");
        JsonNode apply = paths.path("/api/v1/membership/memberships").path("post");
        assertEquals("[{\"keycloak\":[]}]", apply.path("security").toString());
        assertEquals("[\"platform-admin\",\"municipality-admin\"]", apply.path(OpenApiMerger.ROLES_EXTENSION).toString());
        // secured by the document's default requirement
        JsonNode order = paths.path("/api/v1/marketplace/subscriptions").path("post");
        assertEquals("[{\"keycloak\":[]}]", order.path("security").toString());
        assertEquals("[\"municipality-admin\"]", order.path(OpenApiMerger.ROLES_EXTENSION).toString());
        // secured without roles
        JsonNode contact = paths.path("/api/v1/marketplace/contacts/{id}").path("get");
        assertEquals("[{\"keycloak\":[]}]", contact.path("security").toString());
        assertFalse(contact.has(OpenApiMerger.ROLES_EXTENSION));
        // public: no requirement at all, or an explicit empty one
        assertEquals("[]", paths.path("/api/v1/membership/fees/quote").path("get").path("security").toString());
        assertEquals("[]", paths.path("/api/v1/marketplace/catalogue").path("get").path("security").toString());
        assertFalse(mergeFixtures().toString().contains("\"bearer\""), "no reference to the services' scheme may remain");
    }

    @Test
    void tagsAreKeptAndUntaggedOperationsGetTheirArea() {
        JsonNode merged = mergeFixtures();
        List<String> tags = new ArrayList<>();
        merged.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        assertTrue(tags.containsAll(List.of("Memberships", "Fees", "Catalogue", "Membership", "Marketplace")), tags::toString);
        assertEquals(tags.size(), tags.stream().distinct().count(), "tags are unique");
        assertEquals("[\"Membership\"]",
                merged.path("paths").path("/api/v1/membership/contacts/{id}").path("get").path("tags").toString());
        assertEquals("[\"Fees\"]", merged.path("paths").path("/api/v1/membership/fees/quote").path("get").path("tags").toString());
    }

    @Test
    void unavailableServicesAreNamedInTheInfo() {
        JsonNode merged = merger.merge(Map.of("membership", document("membership")), List.of("solutions", "learning")).document();
        assertEquals("[\"learning\",\"solutions\"]", merged.path("info").path(OpenApiMerger.UNAVAILABLE_EXTENSION).toString());
        assertEquals(List.of(), OpenApiValidation.violations(merged));
    }

    @Test
    void onlyOpenApi31IsAccepted() {
        ObjectNode old = document("membership").put("openapi", "3.0.3");
        var e = assertThrows(OpenApiMergeException.class, () -> merger.merge(Map.of("membership", old)));
        assertTrue(e.getMessage().contains("membership"), e.getMessage());
    }

    @Test
    void theInputsAreNotChanged() {
        ObjectNode membership = document("membership");
        ObjectNode marketplace = document("marketplace");
        merger.merge(Map.of("membership", membership, "marketplace", marketplace));
        assertEquals(document("membership"), membership);
        assertEquals(document("marketplace"), marketplace);
    }

    @Test
    void anOperationWithoutIdGetsOneFromMethodAndPath() {
        ObjectNode alpha = minimal("alpha", "/api/v1/alpha/things/{id}", "x");
        ((ObjectNode) alpha.path("paths").path("/api/v1/alpha/things/{id}").path("get")).remove("operationId");
        JsonNode merged = merger.merge(Map.of("alpha", alpha)).document();
        assertEquals("getApiV1AlphaThingsId", merged.path("paths").path("/api/v1/alpha/things/{id}").path("get").path("operationId").asText());
    }

    /** Every local $ref names a component that exists. */
    static List<String> danglingRefs(JsonNode merged) {
        List<String> dangling = new ArrayList<>();
        collectRefs(merged, new LinkedHashMap<>()).keySet().forEach(ref -> {
            ComponentRef.parse(ref).ifPresent(target -> {
                if (!merged.path("components").path(target.kind()).has(target.name())) {
                    dangling.add(ref);
                }
            });
        });
        return dangling;
    }

    private static Map<String, Boolean> collectRefs(JsonNode node, Map<String, Boolean> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.put(field.getValue().asText(), true);
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
        return refs;
    }
}
