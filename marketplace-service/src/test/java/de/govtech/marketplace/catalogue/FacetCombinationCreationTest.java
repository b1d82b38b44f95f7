package de.govtech.marketplace.catalogue;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publications that bring new facet combinations never deadlock over them (V14): two real transactions, each creating
 * two new combinations in opposite order, both commit and agree on the ids. With V13's creation (the unique
 * constraint decides) each waits for the other's uncommitted combination and PostgreSQL aborts one with 40P01.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class FacetCombinationCreationTest {

    /** The combinations differ by category only, one no app has, so no other test's combination is among them. */
    private final String categoryA = "combination-test-a-" + UUID.randomUUID();
    private final String categoryB = "combination-test-b-" + UUID.randomUUID();

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void removeTheTestsCombinations() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from catalogue_facet_combination where category in (?, ?)")) {
            delete.setString(1, categoryA);
            delete.setString(2, categoryB);
            delete.executeUpdate();
        }
    }

    @Test
    void twoTransactionsCreatingTwoNewCombinationsInOppositeOrderBothCommit() throws Exception {
        CountDownLatch secondHasCreatedOrWaits = new CountDownLatch(1);
        CountDownLatch firstCreatesB = new CountDownLatch(1);
        TransactionRace race = new TransactionRace(dataSource);
        try (Connection first = race.transaction(); Connection second = race.transaction()) {
            int secondPid = TransactionRace.backendPid(second);
            int firstA = combinationId(first, categoryA);

            CompletableFuture<int[]> secondIds = CompletableFuture.supplyAsync(() -> {
                try {
                    int b = combinationId(second, categoryB);
                    secondHasCreatedOrWaits.countDown();
                    assertTrue(firstCreatesB.await(30, TimeUnit.SECONDS));
                    int a = combinationId(second, categoryA);
                    second.commit();
                    return new int[] {a, b};
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            // V14: the second creates B after the first commits
            race.awaitDoneOrWaitingOnALock(secondHasCreatedOrWaits, secondPid);
            firstCreatesB.countDown();
            int firstB = combinationId(first, categoryB);
            first.commit();

            int[] bySecond = secondIds.get(60, TimeUnit.SECONDS);
            assertEquals(firstA, bySecond[0], "both transactions name A by the same id");
            assertEquals(firstB, bySecond[1], "both transactions name B by the same id");
            assertNotEquals(firstA, firstB);
        }
        assertEquals(2, combinationsOfTheTest());
    }

    /** The id the catalogue's function gives the combination of the category, creating it when it is new. */
    private static int combinationId(Connection connection, String category) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select catalogue_facet_combination_id(?, array['stackit:eu01'], array['FREE'],
                                                      true, false, true, false, false)""")) {
            statement.setString(1, category);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private int combinationsOfTheTest() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from catalogue_facet_combination where category in (?, ?)")) {
            count.setString(1, categoryA);
            count.setString(2, categoryB);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
