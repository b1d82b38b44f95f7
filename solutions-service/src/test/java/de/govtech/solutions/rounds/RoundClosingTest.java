package de.govtech.solutions.rounds;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import de.govtech.solutions.AsPlatformAdmin;
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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static de.govtech.solutions.rounds.SelectionRoundTest.ROUNDS;
import static de.govtech.solutions.rounds.SelectionRoundTest.ballot;
import static de.govtech.solutions.rounds.SelectionRoundTest.cast;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One round from ballots to the published ranking: hidden until the close, then ranked with turnout; no ballot after. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "solutions"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoundClosingTest {

    static final String VOTER = "8d3f0000-0000-4000-8000-00000000000a";
    static final String SECOND_VOTER = "8d3f0000-0000-4000-8000-00000000000b";
    static final String LATER_SUSPENDED = "8d3f0000-0000-4000-8000-00000000000c";

    static String a;
    static String b;
    static String c;
    static String round;

    @Inject
    DataSource dataSource;

    @Test
    @Order(1)
    void setUp() {
        TestMembers.ensureActive(VOTER);
        TestMembers.ensureActive(SECOND_VOTER);
        TestMembers.ensureActive(LATER_SUSPENDED);
        a = AsPlatformAdmin.propose("Schluss A");
        b = AsPlatformAdmin.propose("Schluss B");
        c = AsPlatformAdmin.propose("Schluss C");
        round = AsPlatformAdmin.open("Schlussrunde", List.of(a, b, c), 10,
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "admin.a", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = VOTER))
    void theFirstMemberVotesAndCannotSeeResultsYet() {
        cast(round, VOTER, ballot(a, "3", b, "7")).statusCode(200);
        given().get(ROUNDS + "/" + round + "/results").then().statusCode(403).body("type", endsWith("/results-hidden"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "admin.b", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = SECOND_VOTER))
    void theSecondMemberVotes() {
        cast(round, SECOND_VOTER, ballot(a, "6", c, "4")).statusCode(200);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "admin.c", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = LATER_SUSPENDED))
    void aThirdMemberVotesAndIsSuspendedBeforeTheClose() {
        cast(round, LATER_SUSPENDED, ballot(c, "10")).statusCode(200);
        TestMembers.suspend(LATER_SUSPENDED);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "plattform", roles = "platform-admin")
    void aPlatformAdminSeesTheProvisionalCountAndClosesTheRound() {
        JsonPath provisional = given().get(ROUNDS + "/" + round + "/results").then().statusCode(200).extract().jsonPath();
        assertEquals(false, provisional.getBoolean("finalResult"));
        assertEquals(List.of(9, 7, 4), provisional.getList("ranking.points"));

        JsonPath closed = given().post(ROUNDS + "/" + round + "/close").then().statusCode(200).extract().jsonPath();
        long eligible = Database.count(dataSource, "select count(*) from member_municipality where status = 'ACTIVE'");
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals(false, closed.getBoolean("acceptingBallots"));
        assertEquals(List.of(a, b, c), closed.getList("results.ranking.solutionId"));
        assertEquals(List.of(9, 7, 4), closed.getList("results.ranking.points"), "the suspended member's ballot does not count");
        assertEquals(List.of(1, 2, 3), closed.getList("results.ranking.rank"));
        assertEquals("Schluss A", closed.getString("results.ranking[0].title"));
        assertEquals(2, closed.getInt("results.membersVoted"));
        assertEquals(eligible, closed.getLong("results.membersEligible"));
        assertEquals(true, closed.getBoolean("results.finalResult"));

        given().post(ROUNDS + "/" + round + "/close").then().statusCode(409);

        JsonPath event = TestEvents.of("selection-round-closed", round, 1).get(0);
        assertEquals(List.of(a, b, c), event.getList("ranking.solutionId"));
        assertEquals(List.of(9, 7, 4), event.getList("ranking.points"));
        assertEquals(2, event.getInt("membersVoted"));
        assertEquals(eligible, event.getLong("membersEligible"));
    }

    @Test
    @Order(6)
    @TestSecurity(user = "admin.a", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = VOTER))
    void afterTheCloseMembersSeeTheRankingAndABallotIs409() {
        given().get(ROUNDS + "/" + round + "/results").then().statusCode(200);
        JsonPath published = given().get(ROUNDS + "/" + round).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(9, 7, 4), published.getList("results.ranking.points"));
        cast(round, VOTER, ballot(a, "1")).statusCode(409).body("type", endsWith("/voting-closed"));
        given().get(ROUNDS + "/" + round + "/ballots/" + VOTER).then().statusCode(200).body("revision", org.hamcrest.Matchers.equalTo(1));
    }
}
