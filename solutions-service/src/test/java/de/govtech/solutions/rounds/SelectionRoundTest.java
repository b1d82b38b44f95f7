package de.govtech.solutions.rounds;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import de.govtech.solutions.AsPlatformAdmin;
import de.govtech.solutions.Database;
import de.govtech.platform.testkit.TestClock;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A round from opening to published results: who may vote (each refusal tested), ballots replaced until the close,
 * results hidden until then, 409 for ballots outside the window or after the close.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "solutions"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class SelectionRoundTest {

    static final String ROUNDS = "/api/v1/solutions/selection-rounds";
    static final String SOLUTIONS = "/api/v1/solutions/solutions";
    static final String VOTER = "7c2e0000-0000-4000-8000-00000000000a";
    static final String SECOND_VOTER = "7c2e0000-0000-4000-8000-00000000000b";
    static final String SUSPENDED = "7c2e0000-0000-4000-8000-00000000000c";
    static final String FORMER = "7c2e0000-0000-4000-8000-00000000000d";

    /** One open round shared by the refusal tests, whose candidates are A and B. */
    static String round;
    static String candidateA;
    static String candidateB;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void seed() {
        if (round == null) {
            TestMembers.ensureActive(VOTER);
            TestMembers.ensureActive(SECOND_VOTER);
            TestMembers.join(SUSPENDED);
            TestMembers.suspend(SUSPENDED);
            TestMembers.join(FORMER);
            TestMembers.leave(FORMER);
            candidateA = AsPlatformAdmin.propose("Kandidat A");
            candidateB = AsPlatformAdmin.propose("Kandidat B");
            round = AsPlatformAdmin.open("Geteilte Runde", List.of(candidateA, candidateB), 10,
                    Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(7)));
        }
    }

    static String ballot(String... pairs) {
        StringBuilder body = new StringBuilder("{\"allocations\": [");
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : ", ").append("{\"solutionId\": \"").append(pairs[i]).append("\", \"points\": ")
                    .append(pairs[i + 1]).append('}');
        }
        return body.append("]}").toString();
    }

    static io.restassured.response.ValidatableResponse cast(String roundId, String municipality, String body) {
        return given().contentType(ContentType.JSON).body(body).put(ROUNDS + "/" + roundId + "/ballots/" + municipality).then();
    }

    private long ballots(String roundId) {
        return Database.count(dataSource, "select count(*) from ballot where round_id = ?", UUID.fromString(roundId));
    }

    @Test
    @TestSecurity(user = "plattform", roles = "platform-admin")
    void aRoundShowsItsWindowInBerlinTimeAndAnnouncesItself() {
        String a = AsPlatformAdmin.propose("Fenster A");
        JsonPath opened = given().contentType(ContentType.JSON).body("""
                {"title": "Winterrunde", "candidateSolutionIds": ["%s"], "pointsPerMember": 5,
                 "votingOpensAt": "2026-01-11T08:00:00Z", "votingClosesAt": "2099-07-01T10:00:00Z"}""".formatted(a))
                .post(ROUNDS).then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/v1/solutions/selection-rounds/"))
                .body("votingOpensAtBerlin", equalTo("2026-01-11T09:00:00+01:00"))
                .body("votingClosesAtBerlin", equalTo("2099-07-01T12:00:00+02:00"))
                .body("status", equalTo("OPEN")).body("acceptingBallots", equalTo(true))
                .body("candidates[0].title", equalTo("Fenster A")).body("results", nullValue())
                .extract().jsonPath();
        JsonPath event = TestEvents.of("selection-round-opened", opened.getString("id"), 1).get(0);
        assertEquals(List.of(a), event.getList("candidateSolutionIds"));
        assertEquals(5, event.getInt("pointsPerMember"));
    }

    @Test
    @TestSecurity(user = "plattform", roles = "platform-admin")
    void aBadRoundIsRefusedNamingEveryField() {
        String declined = AsPlatformAdmin.propose("Abgelehnt");
        given().contentType(ContentType.JSON).body("{\"reason\": \"kein Bedarf\"}").post(SOLUTIONS + "/" + declined + "/decline")
                .then().statusCode(200);
        String ok = AsPlatformAdmin.propose("Gültig");
        given().contentType(ContentType.JSON).body("""
                {"title": "Kaputte Runde", "candidateSolutionIds": ["%s", "%s", "%s", "%s"], "pointsPerMember": 5,
                 "votingOpensAt": "2026-01-11T08:00:00Z", "votingClosesAt": "2026-01-12T08:00:00Z"}"""
                .formatted(ok, ok, declined, UUID.randomUUID()))
                .post(ROUNDS).then().statusCode(422).body("errors.field", equalTo(List.of("votingClosesAt",
                        "candidateSolutionIds[1]", "candidateSolutionIds[2]", "candidateSolutionIds[3]")));
        given().contentType(ContentType.JSON).body("""
                {"title": "", "candidateSolutionIds": [], "pointsPerMember": 0, "votingOpensAt": "gestern"}""")
                .post(ROUNDS).then().statusCode(400);
        given().contentType(ContentType.JSON).body("""
                {"title": "", "candidateSolutionIds": [], "pointsPerMember": 0, "votingOpensAt": "2026-01-11T08:00:00Z"}""")
                .post(ROUNDS).then().statusCode(400)
                .body("errors.field", hasItems("title", "candidateSolutionIds", "pointsPerMember", "votingClosesAt"));
        assertEquals(0, Database.count(dataSource, "select count(*) from selection_round where title in ('Kaputte Runde', '')"));
    }

    @Test
    @TestSecurity(user = "admin.a", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = VOTER))
    void aMembersAdminCastsAndReplacesItsOneBallot() {
        cast(round, VOTER, ballot(candidateA, "6", candidateB, "4")).statusCode(200).body("revision", equalTo(1));
        cast(round, VOTER, ballot(candidateB, "10")).statusCode(200).body("revision", equalTo(2))
                .body("allocations.solutionId", equalTo(List.of(candidateB))).body("allocations.points", equalTo(List.of(10)));
        given().get(ROUNDS + "/" + round + "/ballots/" + VOTER).then().statusCode(200).body("revision", equalTo(2));
        assertEquals(1, Database.count(dataSource, "select count(*) from ballot where round_id = ? and municipality_id = ?",
                UUID.fromString(round), UUID.fromString(VOTER)));
    }

    @Test
    @TestSecurity(user = "admin.a", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = VOTER))
    void anInvalidBallotIs422AndKeepsTheEarlierOne() {
        cast(round, VOTER, ballot(candidateA, "11")).statusCode(422).body("type", endsWith("/invalid-ballot"))
                .body("errors.field", equalTo(List.of("allocations")));
        cast(round, VOTER, ballot(candidateA, "-1", UUID.randomUUID().toString(), "1")).statusCode(422)
                .body("errors.field", equalTo(List.of("allocations[0].points", "allocations[1].solutionId")));
        cast(round, VOTER, "{\"allocations\": [{\"points\": 1}]}").statusCode(400)
                .body("errors.field", equalTo(List.of("allocations[0].solutionId")));
        cast(round, VOTER, "{}").statusCode(400).body("errors.field", equalTo(List.of("allocations")));
        cast(round, VOTER, "{\"allocations\": [{\"solutionId\": \"kein-uuid\", \"points\": 1}]}").statusCode(400)
                .contentType("application/problem+json");
        cast(round, VOTER, "{\"allocations\": [{\"solutionId\": \"" + candidateA + "\", \"points\": \"viele\"}]}")
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").put(ROUNDS + "/kein-uuid/ballots/" + VOTER).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin.b", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = SECOND_VOTER))
    void anotherMunicipalitysAdminMayNotCastOrReadItsBallot() {
        long before = ballots(round);
        cast(round, VOTER, ballot(candidateA, "1")).statusCode(403).body("type", endsWith("/forbidden"));
        given().get(ROUNDS + "/" + round + "/ballots/" + VOTER).then().statusCode(403);
        assertEquals(before, ballots(round));
    }

    @Test
    @TestSecurity(user = "admin.ruhend", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = SUSPENDED))
    void aSuspendedMemberMayNotVote() {
        long before = ballots(round);
        cast(round, SUSPENDED, ballot(candidateA, "1")).statusCode(403);
        assertEquals(before, ballots(round));
    }

    @Test
    @TestSecurity(user = "admin.ehemalig", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = FORMER))
    void aFormerMemberMayNotVote() {
        long before = ballots(round);
        cast(round, FORMER, ballot(candidateA, "1")).statusCode(403);
        assertEquals(before, ballots(round));
    }

    @Test
    @TestSecurity(user = "mitarbeiter", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = VOTER))
    void staffMayNotVoteButSeeTheRound() {
        long before = ballots(round);
        cast(round, VOTER, ballot(candidateA, "1")).statusCode(403);
        given().get(ROUNDS + "/" + round).then().statusCode(200).body("candidates.size()", equalTo(2));
        assertEquals(before, ballots(round));
    }

    @Test
    @TestSecurity(user = "anbieter", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = "7b2d0b63-1d2f-4b4a-8e62-0000000000ff"))
    void aVendorMayNeitherVoteNorSeeRounds() {
        long before = ballots(round);
        cast(round, VOTER, ballot(candidateA, "1")).statusCode(403);
        given().get(ROUNDS).then().statusCode(403);
        given().get(ROUNDS + "/" + round + "/results").then().statusCode(403);
        assertEquals(before, ballots(round));
    }

    @Test
    @TestSecurity(user = "plattform", roles = "platform-admin")
    void aPlatformAdminDoesNotVote() {
        cast(round, VOTER, ballot(candidateA, "1")).statusCode(403);
    }

    @Test
    void anonymousCallersGet401() {
        cast(round, VOTER, ballot(candidateA, "1")).statusCode(401);
        given().get(ROUNDS).then().statusCode(401);
        given().get(ROUNDS + "/" + round + "/results").then().statusCode(401);
        given().post(ROUNDS + "/" + round + "/close").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "admin.a", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = VOTER))
    void membersMayNotOpenOrCloseRoundsNorSeeResultsBeforeTheClose() {
        given().post(ROUNDS + "/" + round + "/close").then().statusCode(403);
        given().get(ROUNDS + "/" + round + "/results").then().statusCode(403).body("type", endsWith("/results-hidden"));
        given().get(ROUNDS + "/" + round).then().statusCode(200).body("results", nullValue());
        given().contentType(ContentType.JSON).body("{}").post(ROUNDS).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin.a", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = VOTER))
    void outsideTheVotingWindowABallotIs409() {
        Instant closes = Instant.parse("2099-01-01T00:00:00Z");
        String later = AsPlatformAdmin.open("Spätere Runde", List.of(candidateA), 10,
                Instant.now().plus(Duration.ofDays(1)), closes);
        cast(later, VOTER, ballot(candidateA, "1")).statusCode(409).body("type", endsWith("/voting-closed"));
        TestClock.at(closes.plus(1, ChronoUnit.SECONDS));
        cast(later, VOTER, ballot(candidateA, "1")).statusCode(409).body("type", endsWith("/voting-closed"));
        TestClock.at(closes.minus(1, ChronoUnit.SECONDS));
        cast(later, VOTER, ballot(candidateA, "1")).statusCode(200);
    }
}
