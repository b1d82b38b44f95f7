package de.govtech.marketplace.vendors;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import de.govtech.platform.testkit.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service writes the time of the one injected clock: a test that pins it sees the pinned instant stored. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class VendorClockTest {

    static final String VENDOR = "6a1c0a52-0c1e-4a39-9d51-0000000000c1";

    @Test
    @TestSecurity(user = "clara.clock", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR))
    void aRegistrationIsStampedWithTheInjectedClock() {
        Instant pinned = Instant.parse("2026-02-03T04:05:06Z");
        TestClock.at(pinned);
        given().contentType(ContentType.JSON).body(VendorResourceTest.registration("DE877777771"))
                .when().post("/api/v1/marketplace/vendors")
                .then().statusCode(201);
        Vendor stored = QuarkusTransaction.requiringNew().call(() -> Vendor.findById(UUID.fromString(VENDOR)));
        assertEquals(pinned, stored.registeredAt);
    }
}
