package de.govtech.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Seeds the demo app through the marketplace API with real tokens, idempotently: dev-vendor registers its vendor,
 * dev-platform-admin verifies it, dev-vendor creates the listing {@link DemoApp#SLUG} and submits it,
 * dev-platform-admin publishes it. Every step first looks at what is there, so a restart on the same data changes
 * nothing. The broker URL the listing got is remembered in the data dir; when it changes (another
 * {@code --port-offset}), the listing gets a new revision with the new URL.
 */
final class DemoSeeder {

    /** What seeding did: the listing's id and the steps taken ("nothing to do" on a restart). */
    record Result(String listingId, List<String> steps) {
    }

    private static final String BROKER_URL_KEY = "broker.url";
    private static final int PAGE_SIZE = 100;

    private final ServiceApi api;
    private final Function<String, KeycloakLogin.AccessToken> login;
    private final DemoApp app;
    private final Path seedFile;
    private final List<String> steps = new ArrayList<>();

    DemoSeeder(ServiceApi api, Function<String, KeycloakLogin.AccessToken> login, DemoApp app, Path seedFile) {
        this.api = api;
        this.login = login;
        this.app = app;
        this.seedFile = seedFile;
    }

    Result seed() {
        KeycloakLogin.AccessToken vendor = login.apply(DemoApp.VENDOR_USER);
        KeycloakLogin.AccessToken admin = login.apply(DemoApp.ADMIN_USER);
        String vendorId = vendor.claim("vendor_id");
        if (vendorId == null || vendorId.isBlank()) {
            throw new SeedException(DemoApp.VENDOR_USER + "'s token has no vendor_id claim");
        }
        ensureVendorVerified(vendor.value(), admin.value(), vendorId);
        String listingId = ensurePublished(vendor.value(), admin.value());
        rememberBrokerUrl();
        requireInCatalogue(vendor.value());
        if (steps.isEmpty()) {
            steps.add("nothing to do");
        }
        return new Result(listingId, List.copyOf(steps));
    }

    private void ensureVendorVerified(String vendorToken, String adminToken, String vendorId) {
        ServiceApi.Answer registered = api.call("POST", "/vendors", vendorToken, app.vendorRegistration());
        if (registered.is(201)) {
            steps.add("vendor registered");
        } else if (!registered.is(409)) { // 409: registered before (or its VAT id is): the GET below tells
            throw new SeedException("registering the demo vendor failed: " + registered.describe());
        }
        ServiceApi.Answer vendor = api.call("GET", "/vendors/" + vendorId, adminToken, null);
        if (!vendor.is(200)) {
            throw new SeedException("the demo vendor " + vendorId + " cannot be read: " + vendor.describe());
        }
        if (!"VERIFIED".equals(vendor.body().path("status").asText())) {
            ServiceApi.Answer verified = api.call("POST", "/vendors/" + vendorId + "/verify", adminToken, null);
            if (verified.status() >= 300 && !verified.is(409)) {
                throw new SeedException("verifying the demo vendor failed: " + verified.describe());
            }
            steps.add("vendor verified");
        }
    }

    private String ensurePublished(String vendorToken, String adminToken) {
        Optional<JsonNode> found = findListing(vendorToken);
        if (found.isEmpty()) {
            Optional<JsonNode> created = create(vendorToken);
            if (created.isPresent()) {
                String id = created.get().path("id").asText();
                submit(vendorToken, id);
                publish(adminToken, id);
                return id;
            }
            // 409: a repeated create (its first answer was lost) made it after all
            found = findListing(vendorToken);
        }
        JsonNode listing = found.orElseThrow(() -> new SeedException("the demo listing " + DemoApp.SLUG
                + " is taken by a listing of another vendor"));
        String id = listing.path("id").asText();
        String status = listing.path("status").asText();
        switch (status) {
            case "DRAFT", "REJECTED" -> {
                update(vendorToken, id);
                submit(vendorToken, id);
                publish(adminToken, id);
            }
            case "SUBMITTED" -> publish(adminToken, id);
            case "PUBLISHED" -> {
                if ("SUBMITTED".equals(listing.path("pendingStatus").asText())) {
                    publish(adminToken, id);
                } else if (brokerUrlChanged()) {
                    update(vendorToken, id);
                    submit(vendorToken, id);
                    publish(adminToken, id);
                }
            }
            case "DELISTED" -> throw new SeedException("the demo app " + DemoApp.SLUG
                    + " was delisted; it stays so (--wipe seeds it again)");
            default -> throw new SeedException("the demo app " + DemoApp.SLUG + " has an unknown status " + status);
        }
        return id;
    }

    /** The proof: the public catalogue shows the app with both plans (with a token: any caller may read it). */
    private void requireInCatalogue(String token) {
        ServiceApi.Answer app = api.call("GET", "/catalogue/apps/" + DemoApp.SLUG, token, null);
        if (!app.is(200)) {
            throw new SeedException("the demo app is not in the catalogue: " + app.describe());
        }
    }

    private Optional<JsonNode> findListing(String vendorToken) {
        for (int page = 0; ; page++) {
            ServiceApi.Answer answer = api.call("GET", "/listings?page=" + page + "&size=" + PAGE_SIZE, vendorToken, null);
            if (!answer.is(200)) {
                throw new SeedException("listing the demo vendor's apps failed: " + answer.describe());
            }
            for (JsonNode item : answer.body().path("items")) {
                if (DemoApp.SLUG.equals(item.path("slug").asText())) {
                    return Optional.of(item);
                }
            }
            if ((long) (page + 1) * PAGE_SIZE >= answer.body().path("total").asLong(0)) {
                return Optional.empty();
            }
        }
    }

    /** The created listing, or empty when the slug exists already (409). */
    private Optional<JsonNode> create(String vendorToken) {
        ServiceApi.Answer created = api.call("POST", "/listings", vendorToken, app.listingRequest());
        if (created.is(201)) {
            steps.add("listing created");
            return Optional.of(created.body());
        }
        if (created.is(409)) {
            return Optional.empty();
        }
        throw new SeedException("creating the demo listing failed: " + created.describe());
    }

    private void update(String vendorToken, String id) {
        ServiceApi.Answer updated = api.call("PUT", "/listings/" + id, vendorToken, app.listingRequest());
        if (!updated.is(204) && !updated.is(200)) {
            throw new SeedException("updating the demo listing failed: " + updated.describe());
        }
        steps.add("listing updated");
    }

    private void submit(String vendorToken, String id) {
        ServiceApi.Answer submitted = api.call("POST", "/listings/" + id + "/submit", vendorToken, null);
        if (!submitted.is(200)) {
            throw new SeedException("submitting the demo listing failed: " + submitted.describe());
        }
        steps.add("listing submitted");
    }

    private void publish(String adminToken, String id) {
        ServiceApi.Answer published = api.call("POST", "/listings/" + id + "/publish", adminToken, null);
        if (!published.is(200)) {
            throw new SeedException("publishing the demo listing failed: " + published.describe());
        }
        steps.add("listing published");
    }

    private boolean brokerUrlChanged() {
        return !app.brokerUrl().equals(remembered().getProperty(BROKER_URL_KEY));
    }

    private Properties remembered() {
        Properties properties = new Properties();
        if (Files.isRegularFile(seedFile)) {
            try (InputStream in = Files.newInputStream(seedFile)) {
                properties.load(in);
            } catch (IOException e) {
                // unreadable: treated as unknown, the listing gets the current URL once more
            }
        }
        return properties;
    }

    private void rememberBrokerUrl() {
        Properties properties = new Properties();
        properties.setProperty(BROKER_URL_KEY, app.brokerUrl());
        try (OutputStream out = Files.newOutputStream(seedFile)) {
            properties.store(out, "The demo app's broker URL as last seeded (deploy/local DemoSeeder)");
        } catch (IOException e) {
            throw new SeedException("cannot write " + seedFile + ": " + e.getMessage(), e);
        }
    }
}
