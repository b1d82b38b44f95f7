package de.govtech.solutions.catalogue;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import de.govtech.solutions.AsPlatformAdmin;
import de.govtech.solutions.TestEvents;
import de.govtech.solutions.TestMembers;
import de.govtech.solutions.proposals.SolutionAction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** publiccode.yml import (422 listing every key), export of the raw document, release facts and the members' search. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "solutions"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ReuseCatalogueTest {

    static final String SOLUTIONS = "/api/v1/solutions/solutions";
    static final String CATALOGUE = "/api/v1/solutions/catalogue";
    static final String MEMBER = "a1f50000-0000-4000-8000-00000000000a";
    static final String VALID = PublicCodeValidatorTest.VALID;

    static String withPublicCode;
    static String withoutPublicCode;
    static String notReleased;

    static String document(String name, String status) {
        return VALID.replace("name: Terminvergabe Bürgerbüro", "name: " + name)
                .replace("developmentStatus: stable", "developmentStatus: " + status);
    }

    static byte[] bytes(String yaml) {
        return yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @BeforeEach
    void seed() {
        if (withPublicCode == null) {
            TestMembers.ensureActive(MEMBER);
            withPublicCode = AsPlatformAdmin.released("Zaunkönigportal", "Bürgerservice", document("Zaunkönigportal", "beta"), null);
            withoutPublicCode = AsPlatformAdmin.released("Wiedehopfdienst", "Finanzen", null, "MIT");
            notReleased = AsPlatformAdmin.propose("Zaunkönigentwurf");
            AsPlatformAdmin.move(notReleased, SolutionAction.START_PILOT, null);
        }
    }

    @Test
    @TestSecurity(user = "plattform", roles = "platform-admin")
    void aValidDocumentIsImportedAndExportedExactlyAsSent() {
        String id = AsPlatformAdmin.propose("Import-Export");
        String sent = "# openCode.de\n" + VALID;
        given().contentType("application/yaml").body(bytes(sent)).put(SOLUTIONS + "/" + id + "/publiccode").then().statusCode(200)
                .body("name", equalTo("Terminvergabe Bürgerbüro")).body("licence", equalTo("EUPL-1.2"))
                .body("developmentStatus", equalTo("stable")).body("softwareType", equalTo("standalone/web"))
                .body("shortDescription", startsWith("Online-Terminvergabe"));
        String exported = given().accept("application/yaml").get(SOLUTIONS + "/" + id + "/publiccode").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asString();
        assertEquals(sent, exported);

        given().contentType("text/yaml").body(bytes(document("Neu", "beta"))).put(SOLUTIONS + "/" + id + "/publiccode").then()
                .statusCode(200).body("name", equalTo("Neu"));
        given().contentType(ContentType.JSON).body("{}").put(SOLUTIONS + "/" + id + "/publiccode").then().statusCode(415);
    }

    @Test
    @TestSecurity(user = "plattform", roles = "platform-admin")
    void anInvalidDocumentIs422ListingEveryKeyAndNothingIsStored() {
        String id = AsPlatformAdmin.propose("Kaputtes publiccode");
        String broken = VALID.replace("developmentStatus: stable", "developmentStatus: fertig")
                .replace("license: EUPL-1.2", "license: frei")
                .replace(VALID.lines().filter(l -> l.contains("shortDescription:")).findFirst().orElseThrow() + "\n", "");
        given().contentType("application/yaml").body(bytes(broken)).put(SOLUTIONS + "/" + id + "/publiccode").then().statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("/invalid-publiccode"))
                .body("errors.field", equalTo(List.of("developmentStatus", "description.de.shortDescription", "legal.license")));
        given().contentType("application/yaml").body(bytes("name: [offen")).put(SOLUTIONS + "/" + id + "/publiccode").then()
                .statusCode(422).body("errors.size()", equalTo(1));
        given().contentType("application/yaml").body(bytes("")).put(SOLUTIONS + "/" + id + "/publiccode").then().statusCode(422);
        given().accept("application/yaml").get(SOLUTIONS + "/" + id + "/publiccode").then().statusCode(404);
        given().contentType("application/yaml").body(bytes(VALID)).put(SOLUTIONS + "/" + java.util.UUID.randomUUID() + "/publiccode")
                .then().statusCode(404);
    }

    @Test
    void theReleaseAnnouncesTheFactsOfThePubliccodeYml() {
        JsonPath release = TestEvents.of("solution-released-for-reuse", withPublicCode, 1).get(0);
        assertEquals("EUPL-1.2", release.getString("licence"));
        assertEquals("beta", release.getString("developmentStatus"));
        assertEquals("https://gitlab.opencode.de/govtech-kommunal/terminvergabe.git", release.getString("repositoryUrl"));
        assertEquals("Bürgerservice", release.getString("category"));
        JsonPath plain = TestEvents.of("solution-released-for-reuse", withoutPublicCode, 1).get(0);
        assertEquals("MIT", plain.getString("licence"));
        assertEquals(null, plain.getString("repositoryUrl"));
    }

    @Test
    @TestSecurity(user = "mitarbeiterin", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void membersSearchReleasedSolutionsByTextCategoryLicenceAndStatus() {
        given().queryParam("q", "Zaunkönigportal").get(CATALOGUE).then().statusCode(200)
                .body("items.solutionId", equalTo(List.of(withPublicCode)))
                .body("items[0].licence", equalTo("EUPL-1.2"))
                .body("items[0].publiccodePath", equalTo(SOLUTIONS + "/" + withPublicCode + "/publiccode"))
                .body("items[0].reuseRequestPath", equalTo(SOLUTIONS + "/" + withPublicCode + "/reuse-requests"));
        given().queryParam("q", "Zaunkönig").get(CATALOGUE).then().statusCode(200)
                .body("items.solutionId", not(hasItem(notReleased)));
        given().queryParam("q", "Online-Terminvergabe Bürgerbüros").queryParam("developmentStatus", "beta").get(CATALOGUE)
                .then().statusCode(200).body("items.solutionId", hasItem(withPublicCode));
        given().queryParam("category", "Finanzen").queryParam("licence", "mit").get(CATALOGUE).then().statusCode(200)
                .body("items.solutionId", hasItem(withoutPublicCode)).body("items.solutionId", not(hasItem(withPublicCode)));
        given().queryParam("licence", "EUPL-1.2").queryParam("developmentStatus", "stable").get(CATALOGUE).then()
                .statusCode(200).body("items.solutionId", not(hasItems(withPublicCode, withoutPublicCode)));
        given().queryParam("size", 1).get(CATALOGUE).then().statusCode(200).body("items.size()", equalTo(1)).body("size", equalTo(1));
        given().queryParam("developmentStatus", "fertig").get(CATALOGUE).then().statusCode(400)
                .body("errors.field", equalTo(List.of("developmentStatus")));
        given().accept("application/yaml").get(SOLUTIONS + "/" + withPublicCode + "/publiccode").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void aMunicipalityAdminMayNotImport() {
        given().contentType("application/yaml").body(bytes(VALID)).put(SOLUTIONS + "/" + notReleased + "/publiccode").then().statusCode(403);
        given().accept("application/yaml").get(SOLUTIONS + "/" + notReleased + "/publiccode").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "anbieter", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = "7b2d0b63-1d2f-4b4a-8e62-0000000000ff"))
    void aVendorNeitherSearchesNorExports() {
        given().get(CATALOGUE).then().statusCode(403);
        given().accept("application/yaml").get(SOLUTIONS + "/" + withPublicCode + "/publiccode").then().statusCode(403);
        given().contentType("application/yaml").body(bytes(VALID)).put(SOLUTIONS + "/" + notReleased + "/publiccode").then().statusCode(403);
    }

    @Test
    void anonymousCallersGet401() {
        given().get(CATALOGUE).then().statusCode(401);
        given().get(SOLUTIONS + "/" + withPublicCode + "/publiccode").then().statusCode(401);
        given().contentType("application/yaml").body(bytes(VALID)).put(SOLUTIONS + "/" + notReleased + "/publiccode").then().statusCode(401);
    }
}
