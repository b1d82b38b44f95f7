package de.govtech.systemtests;

import de.govtech.platform.testkit.KafkaTopicReader;
import de.govtech.platform.testkit.KeycloakTokens;
import de.govtech.platform.testkit.stack.LauncherRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole platform as the local stack runs it: the packaged launcher ({@code deploy/local/target/govtech-stack.jar
 * up --wipe --data-dir target/stack --port-offset N}) in a child JVM. Tests reach it only through the gateway, the
 * realm's token endpoint, Keycloak's admin API (to make test clients) and Kafka (to read events back).
 */
public final class PlatformStack implements AutoCloseable {

    public static final String REALM = "govtech";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(15);
    /**
     * Each application's time to become ready (the launcher's --timeout, default 120 s): twice the default, because
     * the suite may run on a busy two-core machine where four Quarkus applications start side by side.
     */
    private static final String APP_TIMEOUT_SECONDS = "240";
    private static final int OUTPUT_TAIL_LINES = 60;
    private static final List<String> APPLICATIONS =
            List.of("membership-service", "learning-service", "solutions-service", "marketplace-service", "gateway");

    private final LauncherRun launcher;
    private final PortPlan ports;
    private final Path dataDir;
    private final Path outputFile;
    private final Duration startedIn;

    private PlatformStack(LauncherRun launcher, PortPlan ports, Path dataDir, Path outputFile, Duration startedIn) {
        this.launcher = launcher;
        this.ports = ports;
        this.dataDir = dataDir;
        this.outputFile = outputFile;
        this.startedIn = startedIn;
    }

    /**
     * Starts the stack and waits for the launcher's summary; fails with the tail of its output when it does not come up.
     * The built platform is taken from the repository root (the module's parent), or from
     * {@code -Dgovtech.systemtests.stack-root=DIR}: a copy of the build that parallel builds in the tree cannot change
     * under a running stack.
     */
    static PlatformStack start(Path moduleDir) throws InterruptedException {
        String rootOverride = System.getProperty("govtech.systemtests.stack-root", "");
        Path root = rootOverride.isBlank() ? moduleDir.getParent() : Path.of(rootOverride).toAbsolutePath();
        Path launcherJar = root.resolve("deploy/local/target/govtech-stack.jar");
        requireBuilt(root, launcherJar);
        Path dataDir = moduleDir.resolve("target/stack");
        Path outputFile = moduleDir.resolve("target/stack-launcher.out");
        PortPlan ports = PortPlan.firstFree();
        long begin = System.nanoTime();
        LauncherRun launcher = LauncherRun.up(root, launcherJar, dataDir,
                List.of("--wipe", "--port-offset", Integer.toString(ports.offset()), "--timeout", APP_TIMEOUT_SECONDS), outputFile);
        try {
            launcher.awaitSummary(START_TIMEOUT);
        } catch (AssertionError | RuntimeException | InterruptedException e) {
            String output = launcher.output();
            launcher.close();
            throw new AssertionError("The stack did not come up (launcher pid " + launcher.pid() + ", port offset "
                    + ports.offset() + "): " + firstLine(e.getMessage()) + "\n----- last " + OUTPUT_TAIL_LINES
                    + " lines of " + outputFile + " -----\n" + tail(output, OUTPUT_TAIL_LINES)
                    + "----- the stack's logs are in " + dataDir.resolve("logs") + " -----", e);
        }
        return new PlatformStack(launcher, ports, dataDir, outputFile, Duration.ofNanos(System.nanoTime() - begin));
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    public String keycloakUrl() {
        return "http://localhost:" + ports.keycloak();
    }

    public String realmUrl() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    /** The sample OSB broker the launcher starts for vendors' listings in local runs. */
    public String sampleBrokerUrl() {
        return "http://localhost:" + ports.sampleBroker();
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + ports.kafka();
    }

    public KafkaTopicReader kafka() {
        return new KafkaTopicReader(kafkaBootstrapServers());
    }

    KeycloakTokens tokens() {
        return new KeycloakTokens(realmUrl());
    }

    /** A fresh access token of a dev user of the realm (password grant of govtech-cli; password = username). */
    public String tokenOf(String devUser) {
        return tokens().accessTokenOf(devUser);
    }

    Gateway gateway() {
        return new Gateway(gatewayUrl());
    }

    public int portOffset() {
        return ports.offset();
    }

    Duration startedIn() {
        return startedIn;
    }

    Path logsDir() {
        return dataDir.resolve("logs");
    }

    /**
     * A stack somebody else started with {@code --port-offset offset} (e.g. {@code ./stack.sh --port-offset 30000});
     * the tests use it and leave it running. For quick rounds while writing tests: {@code -Dgovtech.systemtests.running-stack=30000}.
     */
    static PlatformStack attach(int offset) {
        return new PlatformStack(null, new PortPlan(offset), null, null, Duration.ZERO);
    }

    /** The launcher's last lines (it reports services that went away while the tests ran). */
    String outputTail() {
        if (launcher == null) {
            return "(a stack started elsewhere, see its own output)";
        }
        return "----- last " + OUTPUT_TAIL_LINES + " lines of " + outputFile + " -----\n"
                + tail(launcher.output(), OUTPUT_TAIL_LINES) + "----- the stack's logs are in " + logsDir() + " -----";
    }

    /** SIGTERM to the launcher (it stops everything in reverse order), then whatever is left is killed. */
    @Override
    public void close() {
        if (launcher != null) {
            launcher.close();
        }
    }

    private static void requireBuilt(Path root, Path launcherJar) {
        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(launcherJar)) {
            missing.add(root.relativize(launcherJar).toString());
        }
        for (String app : APPLICATIONS) {
            Path jar = root.resolve(app).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                missing.add(root.relativize(jar).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("The system tests run the packaged platform, but these are not built: " + missing
                    + ". Build the reactor first (mvn -B install -DskipTests, or ./mvnw verify from the repository root;"
                    + " system-tests is its last module).");
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        StringBuilder tail = new StringBuilder();
        all.subList(Math.max(0, all.size() - lines), all.size()).forEach(line -> tail.append(line).append('\n'));
        return tail.toString();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
