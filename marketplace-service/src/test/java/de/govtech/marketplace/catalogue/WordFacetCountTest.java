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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counts of a word's apps per facet combination (V18) as entries come and go, written straight into
 * {@code catalogue_entry} as V13's triggers write it: two real transactions adding entries that share words in
 * opposite order both commit (each takes its turn; with only the counts' row locks PostgreSQL aborts one with
 * 40P01), and removing entries takes the counts down to no row at all. That the counts always equal the words'
 * entries through every change of a listing is {@link CatalogueOrderTest}'s.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class WordFacetCountTest {

    /** Words no app has, so no other test's counts are among them. */
    private final String wordA = "zaehlwort-a-" + UUID.randomUUID();
    private final String wordB = "zaehlwort-b-" + UUID.randomUUID();
    // added to by both transactions' threads
    private final List<UUID> entries = new CopyOnWriteArrayList<>();

    private int combination;

    @Inject
    AgroalDataSource dataSource;

    /**
     * The entries' facet combination, made before the race: creating one takes the counts' lock too (V14), which would
     * order the two transactions whatever V18 does.
     */
    @BeforeEach
    void combination() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select catalogue_facet_combination_id('ADMINISTRATION', array['stackit:eu01'], array['FREE'],
                                                           true, false, false, false, false)""");
             ResultSet row = select.executeQuery()) {
            row.next();
            combination = row.getInt(1);
        }
    }

    @AfterEach
    void removeTheTestsEntries() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (UUID entry : entries) {
                remove(connection, entry);
            }
        }
    }

    @Test
    void twoTransactionsAddingEntriesThatShareWordsInOppositeOrderBothCommit() throws Exception {
        CountDownLatch secondHasAddedB = new CountDownLatch(1);
        CountDownLatch firstAddsB = new CountDownLatch(1);
        TransactionRace race = new TransactionRace(dataSource);
        try (Connection first = race.transaction(); Connection second = race.transaction()) {
            int secondPid = TransactionRace.backendPid(second);
            add(first, wordA);

            CompletableFuture<Void> secondDone = CompletableFuture.runAsync(() -> {
                try {
                    add(second, wordB);
                    secondHasAddedB.countDown();
                    assertTrue(firstAddsB.await(30, TimeUnit.SECONDS));
                    add(second, wordA);
                    second.commit();
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            // the second waits for the first's turn to end; without turns it holds B's count and the first waits on it
            race.awaitDoneOrWaitingOnALock(secondHasAddedB, secondPid);
            firstAddsB.countDown();
            add(first, wordB);
            first.commit();
            secondDone.get(60, TimeUnit.SECONDS);
        }
        assertEquals(Map.of(wordA, 2, wordB, 2), counts());
    }

    @Test
    void removingEntriesTakesTheCountsDownAndTheLastOneRemovesTheRow() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            add(connection, wordA, wordB);
            add(connection, wordA);
            assertEquals(Map.of(wordA, 2, wordB, 1), counts());
            remove(connection, entries.remove(0));
            assertEquals(Map.of(wordA, 1), counts());
            remove(connection, entries.remove(0));
            assertEquals(Map.of(), counts());
        }
    }

    /** An entry whose search document holds exactly {@code words}, in one facet combination. */
    private void add(Connection connection, String... words) throws SQLException {
        UUID entry = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into catalogue_entry (revision_id, listing_id, decided_at, combination, hosted_in_germany, bsi_c5,
                                             gdpr_dpa_available, bitv_accessible, open_source, name_key, category,
                                             cloud_targets, price_models, search_document)
                values (?, gen_random_uuid(), now(), ?, true, false, false, false, false, 'zaehlwort', 'ADMINISTRATION',
                        array['stackit:eu01'], array['FREE'], array_to_tsvector(?))""")) {
            insert.setObject(1, entry);
            insert.setInt(2, combination);
            insert.setArray(3, connection.createArrayOf("text", words));
            insert.executeUpdate();
        }
        entries.add(entry);
    }

    private static void remove(Connection connection, UUID entry) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from catalogue_entry where revision_id = ?")) {
            delete.setObject(1, entry);
            delete.executeUpdate();
        }
    }

    /** The test's words with their counts (one combination: the counts of the one row each has). */
    private Map<String, Integer> counts() throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select f.word::text, f.apps from catalogue_word_facet f
                     where f.word in (catalogue_word_of(?), catalogue_word_of(?))""")) {
            select.setString(1, wordA);
            select.setString(2, wordB);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.merge(rows.getString(1).replace("'", ""), rows.getInt(2), Integer::sum);
                }
            }
        }
        return counts;
    }
}
