package de.govtech.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.govtech.platform.infra.PortInUseException;
import de.govtech.platform.infra.Ports;
import de.govtech.platform.testkit.KeycloakTokens;
import de.govtech.platform.testkit.stack.LauncherRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's first command, proven: the packaged launcher (what ./stack.sh runs after its build) brings up
 * PostgreSQL, Kafka, Keycloak, the sample broker, the four services and the gateway on shifted ports, everything
 * answers, the demo app is in the public catalogue, SIGTERM leaves no process and no bound port behind, and a second
 * start on the same data dir comes up again without seeding anything twice.
 * Needs the reactor's earlier modules built (deploy/local is the last module). {@code -DskipITs} skips it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    /** A warm start takes 2-4 minutes on two cores; a machine busy with other builds needs far longer. */
    private static final Duration SUMMARY_TIMEOUT = Duration.ofMinutes(10);
    private static final String SERVICE_TIMEOUT_SECONDS = "300";
    /** The first stop after a build writes the applications' AOT caches or AppCDS archives (Stack.TRAINING_STOP_GRACE). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60).plus(Stack.TRAINING_STOP_GRACE);
    private static final int FIRST_OFFSET_TRIED = 20000;
    private static final int SIGTERM_EXIT_CODE = 128 + 15;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Path root;
    /** A copy of the build the launcher runs from (see {@link #copyTheBuild}). */
    private Path runRoot;
    private Path moduleDir;
    private Path dataDir;
    private StackPorts ports;
    private List<ServiceSpec> apps;
    private LauncherRun launcher;
    private List<ProcessHandle> descendantsBeforeStop = List.of();
    private boolean earlierStepFailed;

    @RegisterExtension
    final TestWatcher printLauncherOutputOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            earlierStepFailed = true;
            if (launcher != null) {
                System.out.println("----- launcher output (pid " + launcher.pid() + ") -----\n" + launcher.output()
                        + "----- end of launcher output; logs in " + dataDir.resolve("logs") + " -----");
            }
        }
    };

    @BeforeAll
    void locateTheBuild() throws IOException, InterruptedException {
        assumeFalse(Boolean.getBoolean("skipITs"), "-DskipITs");
        moduleDir = Path.of("").toAbsolutePath();
        root = moduleDir.getParent().getParent();
        List<String> missing = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Path jar = root.resolve(spec.moduleDir()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                missing.add(root.relativize(jar).toString());
            }
        }
        Path brokerJar = root.resolve("deploy/sample-broker/target/sample-broker.jar");
        if (!Files.isRegularFile(brokerJar)) {
            missing.add(root.relativize(brokerJar).toString());
        }
        if (!Files.isRegularFile(launcherJar())) {
            missing.add(root.relativize(launcherJar()).toString());
        }
        if (!missing.isEmpty()) {
            fail("LocalStackIT runs the built platform, but these are missing: " + missing + ". Build the whole"
                    + " reactor (./mvnw verify from the repository root; deploy/local is its last module).");
        }
        dataDir = moduleDir.resolve("target/stack-it");
        runRoot = moduleDir.resolve("target/stack-it-build");
        copyTheBuild();
        ports = new StackPorts(freeOffset());
        apps = ports.of(ServiceSpec.ALL);
    }

    @AfterAll
    void leaveNothingBehind() throws IOException, InterruptedException {
        if (launcher != null) {
            launcher.close();
        }
        if (runRoot != null) {
            run("rm", "-rf", runRoot.toString());
        }
    }

    /**
     * The launcher runs from a copy of what the reactor built, as bench/stack-start.sh does: another build in the same
     * checkout (a service's {@code package}) replaces its {@code quarkus-app} while the stack starts, and the service
     * then fails on a jar that went away. The applications are copied; Keycloak's distribution, the optimized build,
     * the prepared database and the AppCDS archives are hard-linked (only read, or replaced by new files).
     */
    private void copyTheBuild() throws IOException, InterruptedException {
        run("rm", "-rf", runRoot.toString());
        Files.createDirectories(runRoot.resolve("deploy/keycloak/realm"));
        Files.copy(root.resolve("stack.sh"), runRoot.resolve("stack.sh"));
        Files.copy(root.resolve("deploy/keycloak/realm/govtech-realm.json"),
                runRoot.resolve("deploy/keycloak/realm/govtech-realm.json"));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            copy("-a", spec.moduleDir() + "/target/quarkus-app");
        }
        copy("-a", "deploy/sample-broker/target/sample-broker.jar");
        copy("-a", "deploy/sample-broker/target/lib");
        copy("-a", "deploy/local/target/govtech-stack.jar");
        copy("-a", "deploy/local/target/lib");
        copy("-al", "deploy/keycloak/target/keycloak-" + StackLayout.buildProperty("keycloak.version"));
        for (String cache : List.of("keycloak-optimized", "keycloak-database", "appcds")) {
            if (Files.isDirectory(root.resolve("deploy/local/target").resolve(cache))) {
                copy("-al", "deploy/local/target/" + cache);
            }
        }
    }

    private void copy(String mode, String relative) throws IOException, InterruptedException {
        Path target = runRoot.resolve(relative);
        Files.createDirectories(target.getParent());
        if (Files.exists(root.resolve(relative))) {
            run("cp", mode, root.resolve(relative).toString(), target.toString());
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            fail(String.join(" ", command) + " exited with " + process.exitValue());
        }
    }

    @Test
    @Order(1)
    void theFirstStartServesEveryApplicationAndEveryDevUser() throws Exception {
        launcher = launch("first", true);
        launcher.awaitSummary(SUMMARY_TIMEOUT);

        assertTrue(launcher.output().contains("New data dir " + dataDir), launcher.output());
        if (!Boolean.getBoolean("stack.prepare-keycloak.skip")) {
            assertKeycloakStartedFromThePreparedDatabase();
        }
        assertEverythingAnswers();
        String realmUrl = realmUrl();
        for (DevUser user : DevUser.readRealm(root.resolve("deploy/keycloak/realm/govtech-realm.json"))) {
            assertTokenCarries(user, new KeycloakTokens(realmUrl).accessTokenOf(user.username()), realmUrl);
        }
        assertTrue(launcher.output().contains("demo app UP (buergerservice-demo: vendor registered, vendor verified,"
                + " listing created, listing submitted, listing published)"), launcher.output());
        assertTheDemoAppIsInTheCatalogue();
        assertTheDemoCoursesAndSolutionsAreThere();
    }

    /** The build's prepare-keycloak made the template; a fresh data dir starts from it instead of creating the schema. */
    private void assertKeycloakStartedFromThePreparedDatabase() throws IOException {
        assertTrue(launcher.output().contains("Keycloak database UP (restored from deploy/local/target/keycloak-database/"),
                launcher.output());
        String keycloakLog = Files.readString(dataDir.resolve("logs/keycloak.log"), StandardCharsets.UTF_8);
        assertFalse(keycloakLog.contains("Initializing database schema"),
                "Keycloak created its schema although the data dir started from the prepared database");
        assertTrue(keycloakLog.contains("Realm '" + Stack.REALM + "' already exists"), keycloakLog);
    }

    @Test
    @Order(2)
    void sigtermStopsEverythingAndFreesEveryPort() throws Exception {
        assumeTrue(!earlierStepFailed && launcher != null, "an earlier step failed");
        stopAndAssertNothingRemains();
    }

    @Test
    @Order(3)
    void aSecondStartOnTheSameDataComesUpAgain() throws Exception {
        assumeTrue(!earlierStepFailed && launcher != null && !launcher.isAlive(), "an earlier step failed");
        launcher = launch("second", false);
        launcher.awaitSummary(SUMMARY_TIMEOUT);

        assertTrue(launcher.output().contains("Data dir " + dataDir)
                && !launcher.output().contains("New data dir"), launcher.output());
        String keycloakLog = Files.readString(dataDir.resolve("logs/keycloak.log"), StandardCharsets.UTF_8);
        assertTrue(keycloakLog.contains("Realm '" + Stack.REALM + "' already exists"),
                "Keycloak should have kept the realm in PostgreSQL and skipped the import; see " + dataDir.resolve("logs/keycloak.log"));
        assertEverythingAnswers();
        String realmUrl = realmUrl();
        DevUser admin = DevUser.readRealm(root.resolve("deploy/keycloak/realm/govtech-realm.json")).get(0);
        assertTokenCarries(admin, new KeycloakTokens(realmUrl).accessTokenOf(admin.username()), realmUrl);
        assertTrue(launcher.output().contains("demo app UP (buergerservice-demo: nothing to do)"), launcher.output());
        assertTrue(launcher.output().contains("demo courses UP (nothing to do)"), launcher.output());
        assertTrue(launcher.output().contains("demo solutions UP (nothing to do)"), launcher.output());
        assertTheDemoAppIsInTheCatalogue();
        HttpResponse<String> listings = get(gatewayUrl() + "/api/v1/marketplace/listings?size=100",
                new KeycloakTokens(realmUrl).accessTokenOf(DemoApp.VENDOR_USER));
        assertEquals(200, listings.statusCode(), listings.body());
        long demoListings = JSON.readTree(listings.body()).path("items").findValuesAsText("slug").stream()
                .filter(DemoApp.SLUG::equals).count();
        assertEquals(1, demoListings, listings.body());
    }

    @Test
    @Order(4)
    void aSampleBrokerKilledWhileTheStackRunsIsRestarted() throws Exception {
        assumeTrue(!earlierStepFailed && launcher != null && launcher.isAlive(), "an earlier step failed");
        ProcessHandle broker = launcher.descendants().stream()
                .filter(p -> p.info().commandLine().map(c -> c.contains("sample-broker.jar")).orElse(false))
                .findFirst().orElseThrow();

        broker.destroyForcibly();

        String restarted = "sample broker restarted (pid ";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!launcher.output().contains(restarted) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertTrue(launcher.output().contains("sample broker stopped unexpectedly: exited with code 137"), launcher.output());
        assertTrue(launcher.output().contains(restarted), launcher.output());
        String health = SampleBrokerProcess.healthUrl(ports.sampleBroker());
        HealthProbe probe = new HealthProbe();
        while (!probe.check(health).up() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertTrue(probe.check(health).up(), "the restarted sample broker does not answer at " + health);
    }

    @Test
    @Order(5)
    void sigkillOfTheLauncherLeavesNoProcessAndNoBoundPort() throws Exception {
        assumeTrue(!earlierStepFailed && launcher != null && launcher.isAlive(), "an earlier step failed");
        List<ProcessHandle> children = launcher.descendants();
        ProcessHandle postmaster = launcher.postmaster().orElseThrow();

        ProcessHandle.of(launcher.pid()).orElseThrow().destroyForcibly();

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while ((postmaster.isAlive() || children.stream().anyMatch(ProcessHandle::isAlive) || !boundPorts(ports).isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        List<String> alive = children.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        assertTrue(alive.isEmpty(), "still running after kill -9 of the launcher: " + alive);
        assertFalse(postmaster.isAlive(), "PostgreSQL still runs after kill -9 of the launcher");
        assertEquals(List.of(), boundPorts(ports));
    }

    private LauncherRun launch(String which, boolean wipe) {
        List<String> args = new ArrayList<>(List.of("--port-offset", Integer.toString(ports.offset()),
                "--timeout", SERVICE_TIMEOUT_SECONDS));
        if (wipe) {
            args.add("--wipe"); // a fresh data dir, as on a clean clone
        }
        return LauncherRun.up(runRoot, runRoot.resolve("deploy/local/target/govtech-stack.jar"), dataDir, args,
                moduleDir.resolve("target/stack-it-" + which + ".out"));
    }

    private Path launcherJar() {
        return root.resolve("deploy/local/target/govtech-stack.jar");
    }

    private String realmUrl() {
        return "http://localhost:" + ports.keycloak() + "/realms/" + Stack.REALM;
    }

    private String gatewayUrl() {
        return ports.of(ServiceSpec.GATEWAY).baseUrl();
    }

    /** The proof for the issue: the sample broker answers and the seeded demo app is in the public catalogue. */
    private void assertTheDemoAppIsInTheCatalogue() throws Exception {
        assertTrue(launcher.output().contains("Sample broker   " + SampleBrokerProcess.baseUrl(ports.sampleBroker())),
                launcher.output());
        assertTrue(launcher.output().contains("Demo app        buergerservice-demo published"), launcher.output());
        // a municipality user browsing the catalogue through the gateway
        String token = new KeycloakTokens(realmUrl()).accessTokenOf("dev-heilbronn-admin");
        HttpResponse<String> app = get(gatewayUrl() + "/api/v1/marketplace/catalogue/apps/" + DemoApp.SLUG, token);
        assertEquals(200, app.statusCode(), app.body());
        JsonNode body = JSON.readTree(app.body());
        assertEquals(DemoApp.SLUG, body.path("slug").asText(), app.body());
        assertEquals(List.of("Basis", "Premium"), body.findValuesAsText("name").stream()
                .filter(n -> n.equals("Basis") || n.equals("Premium")).toList(), app.body());
        assertFalse(app.body().contains("broker-secret"), "the broker credentials must never be returned");
        // anonymous, straight at the marketplace: the catalogue needs no login
        ServiceSpec marketplace = ports.of(ServiceSpec.MARKETPLACE);
        assertEquals(200, get(marketplace.apiUrl() + "/catalogue/apps/" + DemoApp.SLUG).statusCode());
    }

    /**
     * A new user sees a learning catalogue (one course per topic, each with a workshop), proposals with an open
     * selection round, and the association's released solution in the marketplace's public catalogue.
     */
    private void assertTheDemoCoursesAndSolutionsAreThere() throws Exception {
        assertTrue(launcher.output().contains("Demo courses    5 courses published"), launcher.output());
        String staff = new KeycloakTokens(realmUrl()).accessTokenOf("dev-heilbronn-staff");
        HttpResponse<String> catalogue = awaitOk(gatewayUrl() + "/api/v1/learning/catalogue/courses?size=100", staff);
        List<String> slugs = JSON.readTree(catalogue.body()).path("items").findValuesAsText("slug");
        for (DemoCourses.DemoCourse course : DemoCourses.ALL) {
            assertTrue(slugs.contains(course.slug()), course.slug() + " in " + catalogue.body());
        }

        String admin = new KeycloakTokens(realmUrl()).accessTokenOf("dev-heilbronn-admin");
        HttpResponse<String> rounds = get(gatewayUrl() + "/api/v1/solutions/selection-rounds?size=100", admin);
        assertEquals(200, rounds.statusCode(), rounds.body());
        assertTrue(JSON.readTree(rounds.body()).path("items").findValuesAsText("title").contains(SolutionsSeeder.ROUND_TITLE),
                rounds.body());
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        HttpResponse<String> offerings;
        do {
            offerings = get(gatewayUrl() + "/api/v1/marketplace/catalogue/association-offerings?size=100");
        } while (!offerings.body().contains(SolutionsSeeder.RELEASED_TITLE) && System.nanoTime() < deadline && pause());
        assertTrue(offerings.body().contains(SolutionsSeeder.RELEASED_TITLE), "anonymously in the marketplace: " + offerings.body());
    }

    /** The learning projection learns of Heilbronn's membership over Kafka: until then its staff are refused. */
    private static HttpResponse<String> awaitOk(String url, String token) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        HttpResponse<String> response = get(url, token);
        while (response.statusCode() != 200 && System.nanoTime() < deadline && pause()) {
            response = get(url, token);
        }
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(1_000);
        return true;
    }

    private void assertEverythingAnswers() throws Exception {
        for (ServiceSpec app : apps) {
            HttpResponse<String> response = get(app.healthUrl());
            assertEquals(200, response.statusCode(), app.name() + " " + app.healthUrl() + ": " + response.body());
            assertEquals("UP", JSON.readTree(response.body()).path("status").asText(), app.name() + ": " + response.body());
        }
        HttpResponse<String> broker = get(SampleBrokerProcess.healthUrl(ports.sampleBroker()));
        assertEquals(200, broker.statusCode(), "sample broker: " + broker.body());
        assertEquals("UP", JSON.readTree(broker.body()).path("status").asText(), broker.body());
        HttpResponse<String> realm = get(realmUrl());
        assertEquals(200, realm.statusCode(), realmUrl() + ": " + realm.body());
        assertEquals(Stack.REALM, JSON.readTree(realm.body()).path("realm").asText(), realm.body());
    }

    private static void assertTokenCarries(DevUser user, String token, String realmUrl) throws IOException {
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length, "not a JWT: " + token);
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        String who = user.username() + "'s token " + claims;
        assertEquals(realmUrl, claims.path("iss").asText(), who);
        assertEquals(user.username(), claims.path("preferred_username").asText(), who);
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        assertFalse(user.roles().isEmpty(), user.username() + " has no realm role in the realm file");
        assertTrue(roles.containsAll(user.roles()), who);
        assertClaim(user.municipalityId(), claims, "municipality_id", who);
        assertClaim(user.vendorId(), claims, "vendor_id", who);
    }

    private static void assertClaim(String expected, JsonNode claims, String name, String who) {
        if (expected == null) {
            assertTrue(claims.path(name).isMissingNode() || claims.path(name).isNull(), who);
        } else {
            assertNotNull(claims.get(name), who);
            assertEquals(expected, claims.path(name).asText(), who);
        }
    }

    private void stopAndAssertNothingRemains() throws Exception {
        descendantsBeforeStop = launcher.descendants();
        assertFalse(descendantsBeforeStop.isEmpty(), "the launcher should have child processes while the stack runs");
        long begin = System.nanoTime();
        int exitCode = launcher.stop(STOP_TIMEOUT);
        System.out.println("launcher stopped in " + Duration.ofNanos(System.nanoTime() - begin).toSeconds() + " s");

        assertEquals(SIGTERM_EXIT_CODE, exitCode, launcher.output());
        assertTrue(launcher.output().contains("Everything stopped"), launcher.output());
        List<String> alive = awaitGone(descendantsBeforeStop);
        assertTrue(alive.isEmpty(), "still running after the launcher exited: " + alive);
        assertTrue(launcher.postmaster().isEmpty(), "PostgreSQL still runs: " + launcher.postmaster());
        List<String> bound = boundPorts(ports);
        assertTrue(bound.isEmpty(), "still bound after the launcher exited: " + bound);
    }

    /** A process that has just exited may take a moment to be reaped by its new parent. */
    private static List<String> awaitGone(List<ProcessHandle> processes) throws InterruptedException {
        for (int i = 0; i < 25 && processes.stream().anyMatch(ProcessHandle::isAlive); i++) {
            Thread.sleep(200);
        }
        return processes.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    }

    private static List<String> boundPorts(StackPorts ports) {
        List<String> bound = new ArrayList<>();
        for (PortCheck.PortUse use : PortCheck.portsFor(ports, ports.of(ServiceSpec.ALL))) {
            try {
                Ports.requireFree(use.port(), use.what());
            } catch (PortInUseException e) {
                bound.add(use.port() + " (" + use.what() + ")");
            }
        }
        return bound;
    }

    /** 20000 if all its ports are free, else the next thousand that is. */
    private static int freeOffset() {
        return IntStream.iterate(FIRST_OFFSET_TRIED, offset -> offset <= 45000, offset -> offset + 1000)
                .filter(offset -> boundPorts(new StackPorts(offset)).isEmpty())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No port offset between 20000 and 45000 has all ports free"));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return get(url, null);
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
