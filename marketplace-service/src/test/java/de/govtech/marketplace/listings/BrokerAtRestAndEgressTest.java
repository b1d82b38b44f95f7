package de.govtech.marketplace.listings;

import de.govtech.marketplace.TestVendors;
import de.govtech.marketplace.osb.PasswordCipher;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static de.govtech.marketplace.listings.ListingFixtures.BASE;
import static de.govtech.marketplace.listings.ListingFixtures.BROKER_PASSWORD;
import static de.govtech.marketplace.listings.ListingFixtures.BROKER_URL;
import static de.govtech.marketplace.listings.ListingFixtures.listing;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broker URLs the marketplace must not call are refused at entry as problems naming {@code broker.url} (the
 * test profile allows plain http and loopback, never user info, link-local, unspecified or multicast targets), and
 * broker passwords are stored encrypted — also those written in plaintext before.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class BrokerAtRestAndEgressTest {

    private static final String VENDOR = "6b1d4c2e-0000-4000-8000-00000000e9e5";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    PasswordCipher passwords;
    @Inject
    BrokerPasswordEncryption encryption;

    @BeforeEach
    void seed() {
        TestVendors.ensure(VENDOR, "Egress GmbH", true);
    }

    @Test
    @TestSecurity(user = "eva.egress", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR))
    void brokerUrlsThatMustNotBeCalledAreRefusedNamingTheFieldAndNothingIsWritten() {
        long before = listingCount();
        String valid = listing("egress-app", "Egress App");
        for (String refused : new String[]{"https://user:pw@broker.example.de/osb", "http://169.254.169.254/latest/meta-data",
                "https://[fe80::1]/osb", "https://0.0.0.0/osb", "https://224.0.0.1/osb"}) {
            given().contentType(ContentType.JSON).body(valid.replace(BROKER_URL, refused)).post(BASE)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("broker.url"))
                    .body(not(containsString(refused)));
        }
        assertEquals(before, listingCount(), "nothing was written");

        String id = given().contentType(ContentType.JSON).body(listing("egress-edit", "Egress Edit")).post(BASE)
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON)
                .body(listing("egress-edit", "Egress Edit").replace(BROKER_URL, "https://169.254.169.254/osb"))
                .put(BASE + "/" + id).then().statusCode(422).body("errors.field", hasItem("broker.url"));
        assertEquals(BROKER_URL, QuarkusTransaction.requiringNew().call(() ->
                ListingRevision.of(UUID.fromString(id), 1).brokerUrl), "the stored broker is unchanged");
    }

    @Test
    @TestSecurity(user = "eva.egress", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR))
    void thePasswordColumnHoldsNoPlaintext() throws SQLException {
        String id = given().contentType(ContentType.JSON).body(listing("egress-crypt", "Egress Crypt")).post(BASE)
                .then().statusCode(201).extract().path("id");
        String stored = storedPassword(UUID.fromString(id));
        assertFalse(stored.contains(BROKER_PASSWORD), stored);
        assertEquals(BROKER_PASSWORD, passwords.decrypt(stored));
        try (Connection c = dataSource.getConnection();
             ResultSet rows = c.createStatement().executeQuery(
                     "select count(*) from listing_revision where broker_password like '%" + BROKER_PASSWORD + "%'")) {
            rows.next();
            assertEquals(0, rows.getLong(1), "no row holds the plaintext");
        }
    }

    @Test
    @TestSecurity(user = "eva.egress", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR))
    void plaintextWrittenBeforeEncryptionIsEncryptedAtStart() throws SQLException {
        String id = given().contentType(ContentType.JSON).body(listing("egress-legacy", "Egress Legacy")).post(BASE)
                .then().statusCode(201).extract().path("id");
        try (Connection c = dataSource.getConnection(); PreparedStatement legacy = c.prepareStatement(
                "update listing_revision set broker_password = 'legacy-plaintext-4711', broker_password_encrypted = false"
                        + " where listing_id = ?")) {
            legacy.setObject(1, UUID.fromString(id));
            assertEquals(1, legacy.executeUpdate());
        }
        assertTrue(encryption.encryptPlaintextPasswords() >= 1);
        String stored = storedPassword(UUID.fromString(id));
        assertFalse(stored.contains("legacy-plaintext-4711"), stored);
        assertEquals("legacy-plaintext-4711", passwords.decrypt(stored));
        assertEquals(0, encryption.encryptPlaintextPasswords(), "each value is encrypted once");
        assertEquals("legacy-plaintext-4711", passwords.decrypt(storedPassword(UUID.fromString(id))));
    }

    private String storedPassword(UUID listingId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select broker_password from listing_revision where listing_id = ?")) {
            q.setObject(1, listingId);
            try (ResultSet rows = q.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }

    private static long listingCount() {
        return QuarkusTransaction.requiringNew().call(() -> Listing.count());
    }
}
