package de.govtech.marketplace.listings;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * Records every response body of a test class (RestAssured filter) and, after the class, fails if any of them
 * contains the broker URL or credentials of {@link ListingFixtures}.
 */
class BrokerSecretsNeverLeave implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        RestAssured.filters(ListingFixtures.RECORD_RESPONSES);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RestAssured.replaceFiltersWith(List.of());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ListingFixtures.assertNoResponseLeaksBrokerSecrets();
    }
}
