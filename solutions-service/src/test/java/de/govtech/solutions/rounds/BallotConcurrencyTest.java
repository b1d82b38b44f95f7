package de.govtech.solutions.rounds;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import de.govtech.solutions.AsPlatformAdmin;
import de.govtech.solutions.Database;
import de.govtech.solutions.TestMembers;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static de.govtech.solutions.rounds.SelectionRoundTest.ROUNDS;
import static de.govtech.solutions.rounds.SelectionRoundTest.ballot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ballots of one municipality submitted at the same moment leave exactly one ballot, against the real database: the
 * unique constraint (round, municipality) with the upsert makes the second an update of the first. A check-then-insert
 * without them leaves several ballots (or fails with 500) and this test goes red.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "solutions"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class BallotConcurrencyTest {

    static final String MEMBER = "9e4a0000-0000-4000-8000-00000000000a";
    static final int AT_ONCE = 8;
    static final int ATTEMPTS = 5;

    @Inject
    DataSource dataSource;

    @Test
    @TestSecurity(user = "admin.gleichzeitig", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void simultaneousBallotsOfOneMunicipalityLeaveExactlyOneBallot() throws Exception {
        TestMembers.ensureActive(MEMBER);
        String a = AsPlatformAdmin.propose("Gleichzeitig A");
        String b = AsPlatformAdmin.propose("Gleichzeitig B");
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                String round = AsPlatformAdmin.open("Gleichzeitig " + attempt, List.of(a, b), 10,
                        Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofDays(1)));
                CyclicBarrier start = new CyclicBarrier(AT_ONCE);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < AT_ONCE; i++) {
                    String body = ballot(a, String.valueOf(i), b, String.valueOf(10 - i));
                    answers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return given().contentType(ContentType.JSON).body(body)
                                .put(ROUNDS + "/" + round + "/ballots/" + MEMBER).then().extract().statusCode();
                    }));
                }
                for (Future<Integer> answer : answers) {
                    assertEquals(200, answer.get(30, TimeUnit.SECONDS), "every simultaneous ballot is accepted");
                }
                UUID roundId = UUID.fromString(round);
                assertEquals(1, Database.count(dataSource, "select count(*) from ballot where round_id = ? and municipality_id = ?",
                        roundId, UUID.fromString(MEMBER)), "attempt " + attempt + " left exactly one ballot");
                assertEquals(AT_ONCE, Database.count(dataSource, "select revision from ballot where round_id = ?", roundId),
                        "each submission cast or replaced that one ballot");
                long sum = Database.count(dataSource, "select sum(value::int) from ballot, jsonb_each_text(points) where round_id = ?",
                        roundId);
                assertTrue(sum == 10, "the stored ballot is one whole submission, not a mix: " + sum);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
