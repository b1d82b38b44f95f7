package de.govtech.solutions.proposals;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import de.govtech.solutions.Database;
import de.govtech.solutions.TestEvents;
import de.govtech.solutions.TestMembers;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may propose and read solutions, and what bad proposals get — every refusal writes nothing. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "solutions"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ProposalAccessTest {

    static final String BASE = "/api/v1/solutions/solutions";
    static final String MEMBER = "5a1c0000-0000-4000-8000-00000000000a";
    static final String OTHER_MEMBER = "5a1c0000-0000-4000-8000-00000000000b";
    static final String SUSPENDED = "5a1c0000-0000-4000-8000-00000000000c";
    static final String STRANGER = "5a1c0000-0000-4000-8000-0000000000ee";

    static boolean seeded;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void seed() {
        if (!seeded) {
            TestMembers.join(MEMBER, "Stadt Vorschlag", 50_000);
            TestMembers.join(OTHER_MEMBER);
            TestMembers.join(SUSPENDED);
            TestMembers.suspend(SUSPENDED);
            seeded = true;
        }
    }

    static String proposal(String title, String municipality) {
        return """
                {"title": "%s", "problem": "Lange Wartezeiten im Bürgerbüro", "intendedOutcome": "Termine online buchen",
                 "category": "Bürgerservice", "ozgReference": "OZG Meldewesen",
                 "leikaKeys": ["99115003001000", "99115003002000"]%s}""".formatted(title,
                municipality == null ? "" : ", \"proposingMunicipalityId\": \"" + municipality + "\"");
    }

    private long solutionsTitled(String title) {
        return Database.count(dataSource, "select count(*) from solution where title = ?", title);
    }

    @Test
    @TestSecurity(user = "admin.vorschlag", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void anActiveMembersAdminProposesForItsOwnMunicipality() {
        JsonPath created = given().contentType(ContentType.JSON).body(proposal("Terminvergabe online", null))
                .post(BASE).then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/solutions/solutions/[0-9a-f-]{36}"))
                .body("status", equalTo("PROPOSED"))
                .body("proposingMunicipalityId", equalTo(MEMBER))
                .body("category", equalTo("Bürgerservice"))
                .body("leikaKeys", equalTo(List.of("99115003001000", "99115003002000")))
                .body("history.size()", equalTo(1))
                .body("history[0].to", equalTo("PROPOSED"))
                .extract().jsonPath();
        String id = created.getString("id");

        given().get(BASE + "/" + id).then().statusCode(200).body("title", equalTo("Terminvergabe online"));
        JsonPath event = TestEvents.of("solution-proposed", id, 1).get(0);
        assertEquals(MEMBER, event.getString("proposingMunicipalityId"));
        assertEquals("Bürgerservice", event.getString("category"));
    }

    @Test
    @TestSecurity(user = "admin.vorschlag", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void anAdminMayNotProposeForAnotherMunicipality() {
        given().contentType(ContentType.JSON).body(proposal("Fremder Vorschlag", OTHER_MEMBER)).post(BASE)
                .then().statusCode(403).contentType("application/problem+json").body("type", endsWith("/forbidden"));
        assertEquals(0, solutionsTitled("Fremder Vorschlag"));
    }

    @Test
    @TestSecurity(user = "admin.ruhend", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = SUSPENDED))
    void aSuspendedMemberNeitherProposesNorReads() {
        given().contentType(ContentType.JSON).body(proposal("Ruhender Vorschlag", null)).post(BASE).then().statusCode(403);
        given().get(BASE).then().statusCode(403);
        assertEquals(0, solutionsTitled("Ruhender Vorschlag"));
    }

    @Test
    @TestSecurity(user = "admin.fremd", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = STRANGER))
    void aNonMemberNeitherProposesNorReads() {
        given().contentType(ContentType.JSON).body(proposal("Nichtmitglied", null)).post(BASE).then().statusCode(403);
        given().get(BASE).then().statusCode(403);
        given().get(BASE + "/categories").then().statusCode(403);
        assertEquals(0, solutionsTitled("Nichtmitglied"));
    }

    @Test
    @TestSecurity(user = "mitarbeiterin", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void staffOfAMemberReadsButDoesNotPropose() {
        given().contentType(ContentType.JSON).body(proposal("Mitarbeitervorschlag", null)).post(BASE).then().statusCode(403);
        given().get(BASE).then().statusCode(200).body("page", equalTo(0));
        given().get(BASE + "/categories").then().statusCode(200).body("categories", hasItems("Bürgerservice", "Bauen & Wohnen"));
        assertEquals(0, solutionsTitled("Mitarbeitervorschlag"));
    }

    @Test
    @TestSecurity(user = "anbieter", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = "7b2d0b63-1d2f-4b4a-8e62-0000000000ff"))
    void aVendorNeitherProposesNorReads() {
        given().contentType(ContentType.JSON).body(proposal("Anbietervorschlag", null)).post(BASE).then().statusCode(403);
        given().get(BASE).then().statusCode(403);
        given().get(BASE + "/" + java.util.UUID.randomUUID()).then().statusCode(403);
        assertEquals(0, solutionsTitled("Anbietervorschlag"));
    }

    @Test
    void anonymousCallersGet401() {
        given().contentType(ContentType.JSON).body(proposal("Anonym", null)).post(BASE).then().statusCode(401)
                .contentType("application/problem+json");
        given().get(BASE).then().statusCode(401);
        given().get(BASE + "/categories").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "plattform", roles = "platform-admin")
    void aPlatformAdminProposesNamingAnActiveMemberOrNone() {
        given().contentType(ContentType.JSON).body(proposal("Vorschlag im Auftrag", OTHER_MEMBER)).post(BASE)
                .then().statusCode(201).body("proposingMunicipalityId", equalTo(OTHER_MEMBER));
        given().contentType(ContentType.JSON).body(proposal("Vorschlag des Vereins", null)).post(BASE)
                .then().statusCode(201).body("proposingMunicipalityId", equalTo(null));
        given().contentType(ContentType.JSON).body(proposal("Vorschlag für Ruhende", SUSPENDED)).post(BASE)
                .then().statusCode(422).body("errors.field", hasItem("proposingMunicipalityId"));
        assertEquals(0, solutionsTitled("Vorschlag für Ruhende"));
    }

    @Test
    @TestSecurity(user = "admin.vorschlag", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void badProposalsAreRefusedNamingTheFieldAndNothingIsWritten() {
        given().contentType(ContentType.JSON).body("""
                {"title": " ", "problem": "p", "intendedOutcome": "o", "category": "Bürgerservice",
                 "leikaKeys": ["99115003001000", "12345"]}""").post(BASE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("title", "leikaKeys[1]"));
        given().contentType(ContentType.JSON).body(proposal("Falsche Kategorie", null).replace("Bürgerservice", "Raumfahrt"))
                .post(BASE).then().statusCode(422).body("errors.field", equalTo(List.of("category")));
        given().contentType(ContentType.JSON).body("{\"title\": ").post(BASE).then().statusCode(400);
        given().contentType(ContentType.JSON).body(proposal("Ohne Problem", null).replace("\"problem\": \"Lange Wartezeiten im Bürgerbüro\",", ""))
                .post(BASE).then().statusCode(400).body("errors.field", equalTo(List.of("problem")));
        assertEquals(0, solutionsTitled("Falsche Kategorie"));
        assertEquals(0, solutionsTitled("Ohne Problem"));
    }

    @Test
    @TestSecurity(user = "admin.vorschlag", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void listsFilterByStatusAndCategoryAndRefuseAnUnknownStatus() {
        given().contentType(ContentType.JSON).body(proposal("Gefilterter Vorschlag", null).replace("Bürgerservice", "Smart City"))
                .post(BASE).then().statusCode(201);
        given().queryParam("category", "Smart City").queryParam("status", "proposed").get(BASE).then().statusCode(200)
                .body("items.title", hasItem("Gefilterter Vorschlag"))
                .body("items.category", org.hamcrest.Matchers.everyItem(equalTo("Smart City")));
        given().queryParam("status", "BLAH").get(BASE).then().statusCode(400).body("errors.field", equalTo(List.of("status")));
        given().queryParam("size", "1000").get(BASE).then().statusCode(400);
        given().get(BASE + "/" + java.util.UUID.randomUUID()).then().statusCode(404).body("type", endsWith("/not-found"));
    }
}
