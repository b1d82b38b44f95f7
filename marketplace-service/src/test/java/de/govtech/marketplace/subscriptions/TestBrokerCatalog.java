package de.govtech.marketplace.subscriptions;

import de.govtech.deploy.samplebroker.Catalog;

/**
 * The sample broker's catalog for the subscription tests: one service named after the listing's slug (the marketplace
 * maps a listing to the broker service of that name) with a plan per behaviour the tests need.
 */
final class TestBrokerCatalog {

    static final String SERVICE_ID = "3f9e6e30-bbbb-4ccc-8ddd-000000000001";
    /** "basis": succeeds after the broker's provision delay. */
    static final String BASIS_PLAN_ID = "3f9e6e30-bbbb-4ccc-8ddd-000000000010";
    /** "scheitert": the provision fails asynchronously (FAIL_ASYNC), so its orphan is deleted. */
    static final String FAILING_PLAN_ID = "3f9e6e30-bbbb-4ccc-8ddd-000000000011";
    /** "haengt": the PUT answers its headers and never finishes its body (HANGING). */
    static final String HANGING_PLAN_ID = "3f9e6e30-bbbb-4ccc-8ddd-000000000012";

    private static final String JSON = """
            {"services": [{"id": "%s", "name": "%s", "description": "Abo-Test",
              "bindable": false, "instances_retrievable": true, "plans": [
                {"id": "%s", "name": "basis", "description": "b"},
                {"id": "%s", "name": "scheitert", "description": "f", "x-behaviour": "FAIL_ASYNC"},
                {"id": "%s", "name": "haengt", "description": "h", "x-behaviour": "HANGING"}
              ]}]}""";

    private TestBrokerCatalog() {
    }

    /** The catalog for the listing {@code slug}: listing plans "Basis", "Scheitert" and "Haengt" map to it. */
    static Catalog forSlug(String slug) {
        return Catalog.parse(JSON.formatted(SERVICE_ID, slug, BASIS_PLAN_ID, FAILING_PLAN_ID, HANGING_PLAN_ID));
    }
}
