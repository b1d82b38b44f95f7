package de.govtech.deploy.local;

import de.govtech.platform.infra.KafkaServer;
import de.govtech.platform.infra.KeycloakDistribution;
import de.govtech.platform.infra.KeycloakServer;
import de.govtech.platform.infra.KeycloakSettings;
import de.govtech.platform.infra.PlatformTopics;
import de.govtech.platform.infra.PostgresServer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The whole stack: starts PostgreSQL, Kafka, Keycloak, the sample broker, the services and the gateway in that order,
 * seeds the demo app, and stops
 * whatever has started in the reverse order, whether the start failed half-way or the user pressed Ctrl-C.
 * {@link #stop()} may be called from any thread (signal handler, shutdown hook, the failing start itself) and
 * runs once; later callers wait until it is done.
 */
final class Stack {

    static final String REALM = "govtech";
    static final String KEYCLOAK_DATABASE = "keycloak";
    /**
     * Keycloak's first start creates its schema in hundreds of small transactions; without waiting for each commit's
     * flush (an fsync takes ~10 ms on a busy disk) that is much quicker. Atomicity is kept, only the last commits
     * before an OS crash could be lost: Keycloak's data here is the realm file's and sessions. The services' databases
     * keep flushing every commit (their outbox must not send what a crash would forget).
     */
    /**
     * kc.sh picks G1; the serial collector needs less memory and no GC threads besides the two busy cores. C1 alone
     * ({@code TieredStopAtLevel=1}): Keycloak's start on a prepared database took 13.6-14.2 s of CPU instead of 22.8 s
     * (two runs each, alternating, same minutes); what C2 would speed up later is the dev realm's cheap password hashing
     * and token signing, which a local stack does rarely.
     */
    static final List<String> KEYCLOAK_JVM_OPTIONS = List.of("-XX:-UseG1GC", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    static final String KEYCLOAK_DB_OPTIONS = "?options=-c%20synchronous_commit%3Doff";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /**
     * The applications' stop when one of them writes its class data at exit ({@link ClassDataArchive}, the first stop
     * after a build): on JDK 25 the JVM assembles its AOT cache while it exits, which took 60–90 s on a busy two-core
     * machine (writing four caches at once); on JDK 17 it writes its AppCDS archive (50–110 MB each, all five at
     * once). Killed after 20 s it would leave no cache or archive, and the next start would be without one again.
     */
    static final Duration TRAINING_STOP_GRACE = Duration.ofSeconds(150);
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(60);
    private static final String DEMO = "demo app";
    private static final String DEMO_COURSES = "demo courses";
    private static final String DEMO_SOLUTIONS = "demo solutions";
    private static final Duration ABORT_START_WAIT = Duration.ofSeconds(60);
    private static final long STAGGER_MILLIS = 2_000;
    private static final int LOG_TAIL_LINES = 20;
    /** On Ctrl-C in a terminal the children get SIGINT too and may exit before our handler runs. */
    private static final Duration SETTLE_AFTER_DEATH = Duration.ofSeconds(1);

    /** Thrown inside the start when a stop was requested meanwhile. */
    private static final class StartAborted extends RuntimeException {
        StartAborted() {
            super("start aborted", null, false, false);
        }
    }

    /** {@code reportsItself}: the action prints its own progress (a group of applications). */
    private record StopStep(String name, Runnable action, boolean reportsItself) {
    }

    private final StackLayout layout;
    private final Terminal terminal;
    private final StackPorts ports;
    /** With their shifted ports. */
    private final List<ServiceSpec> selected;
    private final Duration serviceTimeout;
    private final HealthProbe probe = new HealthProbe();
    private final ClassDataArchive classData;
    /** The JDK the applications run on (the Keycloak, Kafka and sample-broker JVMs keep the launcher's). */
    private final RuntimeJdk runtime;

    private final Deque<StopStep> started = new ArrayDeque<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch startSettled = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stack-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Thread startThread;
    private volatile Thread keycloakStarter;
    private volatile Supervisor supervisor;
    /** Set once this launcher has recorded itself in the data dir; only then are its pid files its to delete. */
    private volatile boolean ownsDataDir;
    private volatile int exitCode;
    private volatile boolean keycloakDatabasePrepared;

    /**
     * {@code selected}: the applications with their fixed ports; {@code ports} shifts them; {@code runtime}: the JDK
     * the applications run on ({@link RuntimeJdk#choose()}).
     */
    Stack(StackLayout layout, Terminal terminal, StackPorts ports, List<ServiceSpec> selected, Duration serviceTimeout,
          RuntimeJdk runtime) {
        this.layout = layout;
        this.terminal = terminal;
        this.ports = ports;
        this.selected = ports.of(selected);
        this.serviceTimeout = serviceTimeout;
        this.classData = new ClassDataArchive(layout.classDataDir());
        this.runtime = runtime;
    }

    boolean isStopping() {
        return stopping.get();
    }

    /** Starts everything, prints the summary and blocks until {@link #stop()} has run. Returns the exit code. */
    int up(boolean wipe, String stopHint) {
        startThread = Thread.currentThread();
        long begin = System.nanoTime();
        StartTimeline timeline = new StartTimeline(begin);
        Running running;
        try (ProgressBoard board = new ProgressBoard(terminal, timeline)) {
            running = start(board, wipe);
        } catch (StartAborted e) {
            return settleAfterAbort();
        } catch (StackException e) {
            logTimeline(timeline);
            // a child that got the terminal's SIGINT can end before our own signal handler has run
            sleepQuietly(500);
            if (stopping.get()) {
                return settleAfterAbort();
            }
            startSettled.countDown();
            reportFailure(e);
            stop();
            return 1;
        } catch (InterruptedException e) {
            return settleAfterAbort();
        } catch (RuntimeException e) {
            if (stopping.get()) {
                return settleAfterAbort();
            }
            startSettled.countDown();
            terminal.error(terminal.failed() + " Unexpected error: " + e);
            java.util.logging.Logger.getLogger(Stack.class.getName()).log(java.util.logging.Level.SEVERE, "start failed", e);
            terminal.error("  Details: " + layout.logFile("launcher"));
            stop();
            return 1;
        }
        startSettled.countDown();
        long ready = System.nanoTime();
        List<String> lines = timeline.lines(ready);
        lines.forEach(terminal::println);
        logTimeline(lines);
        printSummary(running, ProgressBoard.secondsSince(begin), stopHint);
        watch(running);
        awaitQuietly(stopped);
        return exitCode;
    }

    private static void logTimeline(StartTimeline timeline) {
        logTimeline(timeline.lines(System.nanoTime()));
    }

    private static void logTimeline(List<String> lines) {
        java.util.logging.Logger.getLogger(Stack.class.getName()).info(String.join(System.lineSeparator(), lines));
    }

    private int settleAfterAbort() {
        startSettled.countDown();
        awaitQuietly(stopped);
        return exitCode == 0 ? 130 : exitCode;
    }

    /** SIGINT/SIGTERM: stop, and let the process end with 128 + the signal number. */
    void stopOnSignal(int code) {
        if (!stopping.get()) {
            exitCode = code;
        }
        stop();
    }

    /** What a successful start hands to the summary and the watcher. */
    private record Running(PostgresServer postgres, KafkaServer kafka, KeycloakServer keycloak,
                           SampleBrokerProcess broker, List<ServiceProcess> apps, String demoApp, String demoCourses,
                           String demoSolutions) {
    }

    private Running start(ProgressBoard board, boolean wipe) throws InterruptedException {
        DataDirProcesses processes = new DataDirProcesses(layout);
        processes.refuseIfAnotherLauncherRuns();
        if (wipe) {
            processes.refuseWipeWhileRunning();
        } else {
            stopLeftovers(processes);
        }
        Path keycloakHome = preflight();
        PortCheck.requireFree(PortCheck.portsFor(ports, selected), layout, ports);
        if (wipe) {
            terminal.println("Wiping " + layout.dataDir() + " " + terminal.ellipsis());
            layout.wipe();
        }
        boolean fresh = !layout.dataExists();
        layout.prepare();
        LauncherLog.toFile(layout.logFile("launcher"));
        ChildPids.clear(layout);
        RestartStatus.clear(layout);
        ChildPids.recordLauncher(layout);
        ownsDataDir = true;
        terminal.println((fresh ? "New data dir " : "Data dir ") + layout.dataDir() + " (logs in " + layout.logsDir() + ")");
        terminal.println("Applications run on JDK " + runtime.version() + " (" + runtime.home() + ", "
                + (ClassDataArchive.usesAotCache(runtime.version()) ? "AOT cache" : "AppCDS archive") + ")");
        keycloakDatabasePrepared = fresh ? restoreKeycloakDatabase(board) : true;

        PostgresServer postgres = startPostgres(board);
        // Keycloak needs only PostgreSQL and is the slowest part: Kafka, the sample broker and the applications start
        // meanwhile (their OIDC tenant connects to Keycloak on the first request that needs it, not at start)
        CompletableFuture<KeycloakServer> keycloakStart = startKeycloakAside(board, keycloakHome, postgres);
        SampleBrokerProcess broker = launchSampleBroker(board);
        KafkaServer kafka = startKafka(board);
        awaitSampleBroker(board, broker);
        String realmUrl = "http://localhost:" + ports.keycloak() + "/realms/" + REALM;

        // the gateway needs neither the services nor Keycloak to start (it forwards, and checks tokens per request): it
        // starts right after the services, in their group, instead of once they are all ready
        List<ServiceProcess> apps = selected.isEmpty() ? List.of() : startApps(board, selected, spec -> spec.isGateway()
                ? AppEnvironment.gateway(spec, realmUrl, ports.of(ServiceSpec.SERVICES))
                : AppEnvironment.service(spec, postgres.jdbcUrl(spec.area()), postgres.username(), postgres.password(),
                        kafka.bootstrapServers(), realmUrl, ports.of(ServiceSpec.GATEWAY).baseUrl(),
                        BrokerPasswordKey.of(layout.dataDir())));
        KeycloakServer keycloak = awaitKeycloak(keycloakStart);
        // each seeding talks to its own service and waits mostly for answers: side by side, not one after the other
        CompletableFuture<String> coursesSeeding = seedAside(() -> seedDemoData(board, keycloak, ServiceSpec.LEARNING,
                DEMO_COURSES, (api, login) -> new LearningSeeder(api, login, Clock.systemUTC()).seed()));
        CompletableFuture<String> solutionsSeeding = seedAside(() -> seedDemoData(board, keycloak, ServiceSpec.SOLUTIONS,
                DEMO_SOLUTIONS, (api, login) -> new SolutionsSeeder(api, login, Clock.systemUTC()).seed()));
        String demoApp = seedDemoApp(board, keycloak, broker);
        String courses = awaitSeeding(coursesSeeding);
        String solutions = awaitSeeding(solutionsSeeding);
        return new Running(postgres, kafka, keycloak, broker, apps, demoApp, courses, solutions);
    }

    /**
     * A fresh data dir's PostgreSQL cluster starts as a copy of the prepared template (Keycloak's database migrated
     * and the realm imported, see {@link KeycloakDatabaseTemplate}) when there is one for this Keycloak version and
     * realm file; otherwise PostgreSQL makes an empty cluster and Keycloak sets up its database on this start.
     * Returns whether Keycloak's database was prepared.
     */
    private boolean restoreKeycloakDatabase(ProgressBoard board) {
        String name = "Keycloak database";
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(Stack.class.getName());
        KeycloakDatabaseTemplate templates = new KeycloakDatabaseTemplate(layout.keycloakDatabaseCache());
        Optional<Path> cluster;
        try {
            cluster = templates.usable(layout.keycloakDatabaseKey());
        } catch (IOException | RuntimeException e) {
            log.log(java.util.logging.Level.WARNING, "no Keycloak database template", e);
            cluster = Optional.empty();
        }
        if (cluster.isEmpty()) {
            terminal.println("No prepared Keycloak database for this Keycloak and realm file: Keycloak sets it up on"
                    + " this start (the build prepares one: java -jar deploy/local/target/govtech-stack.jar"
                    + " prepare-keycloak)");
            return false;
        }
        board.begin(name);
        try {
            KeycloakDatabaseTemplate.restore(cluster.get(), layout.postgresDir());
        } catch (IOException | RuntimeException e) {
            log.log(java.util.logging.Level.WARNING, "restoring the Keycloak database template failed", e);
            board.failed(name, "not restored: " + e.getMessage() + "; Keycloak sets it up on this start");
            return false;
        }
        String from = layout.root().relativize(cluster.get().getParent()).toString();
        log.info("Keycloak database restored from " + cluster.get().getParent());
        board.up(name, "restored from " + from);
        return true;
    }

    private static CompletableFuture<String> seedAside(java.util.function.Supplier<String> seeding) {
        return CompletableFuture.supplyAsync(seeding, task -> {
            Thread thread = new Thread(task, "seeding");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** A seeding only warns when it fails; what comes out here is a stop during the start ({@link StartAborted}). */
    private static String awaitSeeding(CompletableFuture<String> seeding) throws InterruptedException {
        try {
            return seeding.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A launcher killed with SIGKILL could not stop its children; their watchdogs normally have, this is the rest. */
    private void stopLeftovers(DataDirProcesses processes) throws InterruptedException {
        if (processes.running().isEmpty()) {
            return;
        }
        terminal.println("Stopping what an earlier launcher of " + layout.dataDir() + " left running "
                + terminal.ellipsis());
        List<DataDirProcesses.Running> stopped = processes.stopLeftovers(STOP_GRACE.toMillis());
        String what = String.join(", ", stopped.stream().map(DataDirProcesses.Running::describe).toList());
        java.util.logging.Logger.getLogger(Stack.class.getName()).info("stopped leftovers of a killed launcher: " + what);
        terminal.println("  " + terminal.ok() + " stopped " + what);
    }

    /** Everything that can be checked before a single process starts. Returns the Keycloak home. */
    private Path preflight() {
        List<String> missing = new ArrayList<>();
        for (ServiceSpec spec : selected) {
            if (!Files.isRegularFile(layout.quarkusRunJar(spec))) {
                missing.add("  " + spec.name() + ": no " + layout.root().relativize(layout.quarkusRunJar(spec)));
            }
        }
        if (!Files.isRegularFile(layout.sampleBrokerJar())) {
            missing.add("  " + SampleBrokerProcess.NAME + ": no " + layout.root().relativize(layout.sampleBrokerJar()));
        }
        if (!missing.isEmpty()) {
            throw new StackException("Not built yet:\n" + String.join("\n", missing)
                    + "\n  Build with ./stack.sh (it runs the Maven build first) or: mvn -B install -DskipTests");
        }
        // the launcher knows the repository; the working directory may be anywhere
        if (System.getProperty("govtech.keycloak.home") == null && System.getenv("GOVTECH_KEYCLOAK_HOME") == null) {
            System.setProperty("govtech.keycloak.home", layout.keycloakHome().toString());
        }
        if (System.getProperty("govtech.keycloak.realm-file") == null
                && System.getenv("GOVTECH_KEYCLOAK_REALM_FILE") == null) {
            System.setProperty("govtech.keycloak.realm-file", layout.realmFile().toString());
        }
        try {
            KeycloakDistribution.realmFile();
            return KeycloakDistribution.locate();
        } catch (IllegalStateException e) {
            throw new StackException(e.getMessage()
                    + "\n  Build it with ./stack.sh or: mvn -B install -DskipTests -pl deploy/keycloak");
        }
    }

    private PostgresServer startPostgres(ProgressBoard board) {
        String name = "PostgreSQL";
        board.begin(name);
        PostgresServer postgres;
        try {
            postgres = PostgresServer.start(layout.postgresDir(), ports.postgres());
        } catch (IOException | RuntimeException e) {
            throw failure(board, name, e, layout.logFile("launcher"));
        }
        onStarted(name, postgres::close);
        Watchdog.guardPostgres(layout.postgresDir(), layout.logsDir())
                .ifPresent(pid -> ChildPids.add(layout, pid, postgres.port(), DataDirProcesses.POSTGRES));
        try {
            for (ServiceSpec spec : ServiceSpec.SERVICES) {
                postgres.ensureDatabase(spec.area());
            }
            postgres.ensureDatabase(KEYCLOAK_DATABASE);
        } catch (RuntimeException e) {
            throw failure(board, name, e, layout.logFile("launcher"));
        }
        board.up(name, "localhost:" + postgres.port());
        return postgres;
    }

    private KafkaServer startKafka(ProgressBoard board) {
        String name = "Kafka";
        Path log = layout.logFile("kafka");
        board.begin(name);
        KafkaServer kafka;
        try {
            kafka = KafkaServer.start(layout.kafkaDir(), ports.kafka(), log);
        } catch (IOException | RuntimeException e) {
            throw failure(board, name, e, log);
        }
        onStarted(name, kafka::close);
        // it ends by itself when the launcher is gone (platform-infra's BrokerLauncher); recorded for the next start
        ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("kafka.Kafka")).orElse(false))
                .findFirst()
                .ifPresent(p -> ChildPids.add(layout, p.pid(), ports.kafka(), name));
        try {
            kafka.ensureTopics(PlatformTopics.all());
        } catch (RuntimeException e) {
            throw failure(board, name, e, log);
        }
        board.up(name, kafka.bootstrapServers() + ", " + PlatformTopics.all().size() + " topics");
        return kafka;
    }

    /** Starts Keycloak in its own thread; {@link #awaitKeycloak} waits for it. */
    private CompletableFuture<KeycloakServer> startKeycloakAside(ProgressBoard board, Path home, PostgresServer postgres) {
        CompletableFuture<KeycloakServer> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(startKeycloak(board, home, postgres));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "keycloak-start");
        thread.setDaemon(true);
        keycloakStarter = thread;
        thread.start();
        return result;
    }

    private KeycloakServer awaitKeycloak(CompletableFuture<KeycloakServer> start) throws InterruptedException {
        try {
            return start.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private KeycloakServer startKeycloak(ProgressBoard board, Path home, PostgresServer postgres) {
        String name = "Keycloak";
        Path log = layout.logFile("keycloak");
        Optional<Path> optimizedHome = optimizedKeycloak(board, home, log);
        Path runHome = optimizedHome.orElse(home);
        terminal.println(keycloakDatabasePrepared
                ? "Keycloak needs 20-40 s; the rest starts meanwhile"
                : "Keycloak needs 30-90 s (it sets up its database on this start); the rest starts meanwhile");
        board.begin(name);
        KeycloakServer keycloak;
        Thread guard = guardWhenStarted(runHome.resolve("bin").resolve("kc.sh").toString(), "Keycloak (kc.sh)");
        try {
            KeycloakSettings settings = new KeycloakSettings(runHome, ports.keycloak(), ports.keycloakManagement(),
                    KeycloakDistribution.realmFile(), postgres.jdbcUrl(KEYCLOAK_DATABASE) + KEYCLOAK_DB_OPTIONS,
                    postgres.username(), postgres.password(), log);
            keycloak = optimizedHome.isPresent()
                    ? KeycloakServer.startOptimized(settings, KEYCLOAK_JVM_OPTIONS)
                    : KeycloakServer.start(settings);
        } catch (IOException | RuntimeException e) {
            throw failure(board, name, e, log);
        } finally {
            guard.interrupt();
        }
        onStarted(name, keycloak::close);
        rememberKeycloakPid();
        board.up(name, keycloak.baseUrl());
        return keycloak;
    }

    /**
     * The distribution built once for {@code start --optimized} (in {@code deploy/local/target/keycloak-optimized},
     * again after a rebuild of the distribution's module or a change of the build options), instead of start-dev's
     * check for a rebuild on every start. When the build fails, Keycloak starts in dev mode from the distribution
     * itself, as before there was an optimized one: slower, but up.
     */
    private Optional<Path> optimizedKeycloak(ProgressBoard board, Path home, Path log) {
        String name = "Keycloak build";
        board.begin(name);
        Thread guard = guardWhenStarted(layout.keycloakCache().toString(), "Keycloak build (kc.sh)");
        try {
            Path optimized = KeycloakServer.optimizedDistribution(home, layout.keycloakCache(), log);
            board.up(name, layout.root().relativize(optimized).toString());
            return Optional.of(optimized);
        } catch (IOException | RuntimeException e) {
            RuntimeException failure = failure(board, name, e, log);
            if (failure instanceof StartAborted) {
                throw failure;
            }
            java.util.logging.Logger.getLogger(Stack.class.getName()).log(java.util.logging.Level.WARNING,
                    "optimized Keycloak build failed", e);
            terminal.error("  Warning: " + failure.getMessage() + " (log " + log + "); Keycloak starts in dev mode instead");
            return Optional.empty();
        } finally {
            guard.interrupt();
        }
    }

    /**
     * Keycloak's start takes minutes and platform-infra starts kc.sh out of reach: a watchdog for kc.sh (it forwards
     * SIGTERM to Keycloak) as soon as it shows up among the descendants.
     */
    private Thread guardWhenStarted(String commandPart, String name) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Optional<ProcessHandle> started = ProcessHandle.current().descendants()
                        .filter(p -> p.info().commandLine().map(c -> c.contains(commandPart)).orElse(false))
                        .findFirst();
                if (started.isPresent()) {
                    Watchdog.guard(started.get().pid(), name, layout.logsDir());
                    return;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "guard-keycloak");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** kc.sh runs Keycloak in a java child; that JVM holds the ports and is what a later port check should name. */
    private void rememberKeycloakPid() {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("kc.home.dir")).orElse(false))
                .findFirst()
                .ifPresent(p -> {
                    Watchdog.guard(p.pid(), "Keycloak", layout.logsDir());
                    ChildPids.add(layout, p.pid(), ports.keycloak(), "Keycloak");
                    ChildPids.add(layout, p.pid(), ports.keycloakManagement(), "Keycloak");
                });
    }

    private SampleBrokerProcess launchSampleBroker(ProgressBoard board) {
        String name = SampleBrokerProcess.NAME;
        int port = ports.sampleBroker();
        SampleBrokerProcess broker = SampleBrokerProcess.start(
                SampleBrokerProcess.command(layout.sampleBrokerJar(), port), port, layout.root(),
                layout.logFile("sample-broker"));
        onStarted(name, () -> broker.stop(STOP_GRACE));
        ChildPids.add(layout, broker.pid(), port, name);
        board.begin(name, broker.startedNanos());
        return broker;
    }

    private void awaitSampleBroker(ProgressBoard board, SampleBrokerProcess broker) throws InterruptedException {
        String name = SampleBrokerProcess.NAME;
        try {
            // it was launched before Kafka's start: its time to get ready counts from now
            broker.awaitReady(probe, Duration.ofNanos(System.nanoTime() - broker.startedNanos()).plus(BROKER_TIMEOUT));
        } catch (StackException e) {
            board.failed(name, "failed");
            throw e;
        }
        board.up(name, broker.baseUrl());
    }

    /**
     * The demo app in the marketplace, through the gateway with real tokens. Only demo data: when it fails the
     * launcher warns and the stack stays up. Returns the summary's line about it.
     */
    private String seedDemoApp(ProgressBoard board, KeycloakServer keycloak, SampleBrokerProcess broker) {
        boolean marketplace = selected.stream().anyMatch(s -> s.name().equals(ServiceSpec.MARKETPLACE.name()));
        boolean gateway = selected.stream().anyMatch(ServiceSpec::isGateway);
        if (!marketplace || !gateway) {
            return "not seeded (needs marketplace and gateway)";
        }
        String catalogueUrl = ports.of(ServiceSpec.GATEWAY).baseUrl() + "/api/v1/marketplace/catalogue/apps/" + DemoApp.SLUG;
        board.begin(DEMO);
        try {
            KeycloakLogin login = new KeycloakLogin(keycloak.realmUrl(REALM));
            DemoSeeder.Result result = new DemoSeeder(
                    new HttpServiceApi(ports.of(ServiceSpec.GATEWAY).baseUrl() + "/api/v1/marketplace"),
                    login::login,
                    new DemoApp(broker.baseUrl(), SampleBrokerProcess.USERNAME, SampleBrokerProcess.PASSWORD),
                    layout.demoSeedFile()).seed();
            board.up(DEMO, DemoApp.SLUG + ": " + String.join(", ", result.steps()));
            return DemoApp.SLUG + " published   " + catalogueUrl;
        } catch (RuntimeException e) { // whatever went wrong, it is only demo data
            if (e instanceof StartAborted || stopping.get() || Thread.currentThread().isInterrupted()) {
                board.forget(DEMO);
                throw new StartAborted();
            }
            board.failed(DEMO, "not seeded");
            java.util.logging.Logger.getLogger(Stack.class.getName()).log(java.util.logging.Level.WARNING, "seeding failed", e);
            terminal.error("  Warning: the demo app " + DemoApp.SLUG + " could not be seeded: " + e.getMessage()
                    + "\n  The stack keeps running (it is only demo data). Look at "
                    + layout.logFile(ServiceSpec.MARKETPLACE.moduleDir()) + " and " + layout.logFile(ServiceSpec.GATEWAY.moduleDir())
                    + "; the next start tries again.");
            return "NOT seeded (" + e.getMessage() + ")";
        }
    }

    /** Seeds a service's demo data through the gateway with real tokens; only demo data, so a failure only warns. */
    private String seedDemoData(ProgressBoard board, KeycloakServer keycloak, ServiceSpec service, String name,
                                BiFunction<ServiceApi, Function<String, KeycloakLogin.AccessToken>, String> seeding) {
        boolean present = selected.stream().anyMatch(s -> s.name().equals(service.name()));
        boolean gateway = selected.stream().anyMatch(ServiceSpec::isGateway);
        if (!present || !gateway) {
            return "not seeded (needs " + service.name() + " and the gateway)";
        }
        board.begin(name);
        try {
            KeycloakLogin login = new KeycloakLogin(keycloak.realmUrl(REALM));
            String done = seeding.apply(new HttpServiceApi(ports.of(ServiceSpec.GATEWAY).baseUrl() + "/api/v1/" + service.area()),
                    login::login);
            board.up(name, done);
            return done;
        } catch (RuntimeException e) { // whatever went wrong, it is only demo data
            if (e instanceof StartAborted || stopping.get() || Thread.currentThread().isInterrupted()) {
                board.forget(name);
                throw new StartAborted();
            }
            board.failed(name, "not seeded");
            java.util.logging.Logger.getLogger(Stack.class.getName()).log(java.util.logging.Level.WARNING, "seeding failed", e);
            terminal.error("  Warning: the " + name + " could not be seeded: " + e.getMessage()
                    + "\n  The stack keeps running (it is only demo data). Look at "
                    + layout.logFile(service.moduleDir()) + "; the next start tries again.");
            return "NOT seeded (" + e.getMessage() + ")";
        }
    }

    private RuntimeException failure(ProgressBoard board, String name, Exception e, Path log) {
        if (stopping.get() || e instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
            board.forget(name);
            return new StartAborted();
        }
        board.failed(name, "failed");
        // infra messages may carry their own log tail; the first line is what matters here
        String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        return new StackException(name + " did not start: " + message, log, e);
    }

    private interface Environment {
        Map<String, String> of(ServiceSpec spec);
    }

    /** Starts the applications a little apart (2 cores), then waits until every one is ready. */
    private List<ServiceProcess> startApps(ProgressBoard board, List<ServiceSpec> specs, Environment environment)
            throws InterruptedException {
        ServiceGroup group = new ServiceGroup();
        AtomicBoolean training = new AtomicBoolean();
        onStarted(String.join(", ", specs.stream().map(ServiceSpec::name).toList()),
                () -> {
                    if (training.get()) {
                        terminal.println("  (first stop after a build: the applications write their "
                                + (ClassDataArchive.usesAotCache(runtime.version()) ? "AOT caches" : "AppCDS archives")
                                + ", up to " + TRAINING_STOP_GRACE.toSeconds() + " s)");
                    }
                    group.stopAll(training.get() ? TRAINING_STOP_GRACE : STOP_GRACE, terminal);
                }, true);
        for (ServiceSpec spec : specs) {
            if (!group.members().isEmpty()) {
                Thread.sleep(STAGGER_MILLIS);
            }
            if (stopping.get()) {
                throw new StartAborted();
            }
            List<String> command = new ArrayList<>();
            Path runJar = layout.quarkusRunJar(spec);
            command.add(runtime.java().toString());
            command.addAll(SmallJvm.options(spec, runtime.version()));
            List<String> classDataOptions = classData.jvmOptions(spec.moduleDir(), runJar, runtime.version());
            if (ClassDataArchive.writesAtExit(classDataOptions)) {
                training.set(true);
            }
            command.addAll(classDataOptions);
            command.add("-jar");
            command.add(runJar.toString());
            Map<String, String> env = new LinkedHashMap<>(SmallJvm.ENVIRONMENT);
            env.putAll(environment.of(spec));
            ServiceProcess process = ServiceProcess.start(spec, command, env, layout.moduleDir(spec),
                    layout.logFile(spec.moduleDir()),
                    () -> classData.completed(spec.moduleDir(), runJar, runtime.version()));
            group.add(process);
            ChildPids.add(layout, process);
            board.begin(spec.name(), process.startedNanos());
        }
        new HealthWaiter(probe, board, serviceTimeout).awaitReady(group.members());
        return group.members();
    }

    /** Registers what has started; when a stop is already under way it is stopped right here instead. */
    private void onStarted(String name, Runnable stopAction) {
        onStarted(name, stopAction, false);
    }

    private void onStarted(String name, Runnable stopAction, boolean reportsItself) {
        synchronized (started) {
            if (!stopping.get()) {
                started.push(new StopStep(name, stopAction, reportsItself));
                return;
            }
        }
        runStep(new StopStep(name, stopAction, reportsItself));
        throw new StartAborted();
    }

    private void printSummary(Running running, long seconds, String stopHint) {
        List<DevUser> users = List.of();
        String usersNote = null;
        try {
            users = DevUser.readRealm(KeycloakDistribution.realmFile());
        } catch (IOException | RuntimeException e) {
            usersNote = "(could not read " + layout.realmFile() + ": " + e.getMessage() + ")";
        }
        new Summary(terminal, spec -> {
            int status = probe.httpStatus(spec.swaggerUiUrl());
            return status >= 200 && status < 400;
        }).print(new Summary.Facts(selected, running.keycloak().baseUrl(), running.postgres().port(),
                running.kafka().bootstrapServers(), users, usersNote, layout.dataDir(), layout.logsDir(), seconds, stopHint,
                running.broker().baseUrl(), SampleBrokerProcess.USERNAME + " / " + SampleBrokerProcess.PASSWORD,
                running.demoApp(), running.demoCourses(), running.demoSolutions()));
    }

    /**
     * After the start: restart an application or the sample broker that dies (with back-off, see
     * {@link RestartPolicy}), report Kafka or Keycloak going away, and keep the rest running.
     */
    private void watch(Running running) {
        Map<String, Integer> childPorts = new java.util.HashMap<>();
        running.apps().forEach(app -> childPorts.put(app.name(), app.spec().port()));
        childPorts.put(SampleBrokerProcess.NAME, running.broker().port());
        Supervisor supervisor = new Supervisor(RestartPolicy.DEFAULT, SETTLE_AFTER_DEATH, stopping::get,
                new RestartReport(terminal, layout, childPorts, this::reportDeath));
        this.supervisor = supervisor;
        if (stopping.get()) {
            supervisor.close();
            return;
        }
        running.apps().forEach(app -> supervisor.supervise(app.child()));
        supervisor.supervise(running.broker().child());
        AtomicBoolean kafkaReported = new AtomicBoolean();
        AtomicInteger keycloakFailures = new AtomicInteger();
        String keycloakHealth = ports.keycloakHealthUrl();
        watcher.scheduleWithFixedDelay(() -> {
            if (stopping.get()) {
                return;
            }
            if (!running.kafka().isRunning() && kafkaReported.compareAndSet(false, true)) {
                reportDeath("Kafka stopped unexpectedly", layout.logFile("kafka"));
            }
            boolean keycloakUp = probe.check(keycloakHealth).up();
            if (keycloakUp) {
                if (keycloakFailures.getAndSet(0) >= 3) {
                    terminal.println(terminal.ok() + " Keycloak answers again");
                }
            } else if (keycloakFailures.incrementAndGet() == 3 && !stopping.get()) {
                reportDeath("Keycloak does not answer at " + keycloakHealth, layout.logFile("keycloak"));
            }
        }, 5, 5, TimeUnit.SECONDS);
    }

    private void reportDeath(String what, Path log) {
        StringBuilder text = new StringBuilder(terminal.failed() + " " + what + ". The rest keeps running.\n");
        appendLog(text, log);
        terminal.error(text.toString().stripTrailing());
    }

    private void reportFailure(StackException e) {
        StringBuilder text = new StringBuilder("\n" + terminal.failed() + " " + e.getMessage() + "\n");
        e.logFile().ifPresent(log -> appendLog(text, log));
        terminal.error(text.toString().stripTrailing());
    }

    private static void appendLog(StringBuilder text, Path log) {
        text.append("  Log: ").append(log).append('\n');
        List<String> tail = LogTail.lastLines(log, LOG_TAIL_LINES);
        if (!tail.isEmpty()) {
            text.append("  Last ").append(tail.size()).append(" lines:\n");
            tail.forEach(line -> text.append("    | ").append(line).append('\n'));
        }
    }

    /**
     * Stops everything in the reverse order of the start, then ends any child process that is still there.
     * Runs once; a second caller waits for the first.
     */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            awaitQuietly(stopped);
            return;
        }
        try {
            watcher.shutdownNow();
            Supervisor running = supervisor;
            if (running != null) {
                running.close();
            }
            Thread starter = startThread;
            if (startSettled.getCount() > 0 && starter != null && starter != Thread.currentThread()) {
                terminal.println("Stopping: aborting the start " + terminal.ellipsis());
                starter.interrupt();
                try {
                    startSettled.await(ABORT_START_WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Thread keycloakStarting = keycloakStarter;
            if (keycloakStarting != null && keycloakStarting.isAlive()) {
                keycloakStarting.interrupt(); // KeycloakServer stops what it has started when interrupted
                try {
                    keycloakStarting.join(ABORT_START_WAIT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            List<StopStep> steps;
            synchronized (started) {
                steps = new ArrayList<>(started); // push() put the last started first
                started.clear();
            }
            if (!steps.isEmpty()) {
                terminal.println("Stopping " + terminal.ellipsis());
            }
            steps.forEach(this::runStep);
            Watchdog.endAll();
            endLeftoverChildren();
            if (ownsDataDir) {
                ChildPids.clear(layout);
                ChildPids.clearLauncher(layout);
                RestartStatus.clear(layout);
            }
            if (!steps.isEmpty()) {
                terminal.println(terminal.ok() + " Everything stopped. Data kept in " + layout.dataDir());
            }
        } finally {
            stopped.countDown();
        }
    }

    private void runStep(StopStep step) {
        long start = System.nanoTime();
        terminal.println("  stopping " + step.name() + " " + terminal.ellipsis());
        try {
            step.action().run();
            if (!step.reportsItself()) {
                terminal.println("  " + terminal.ok() + " " + step.name() + " stopped ("
                        + ProgressBoard.secondsSince(start) + " s)");
            }
        } catch (RuntimeException e) {
            terminal.error("  " + terminal.failed() + " stopping " + step.name() + " failed: " + e.getMessage());
        }
    }

    /** Whatever still runs below this JVM (a crashed start, a process a server started) gets SIGTERM, then SIGKILL. */
    private void endLeftoverChildren() {
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        if (left.isEmpty()) {
            return;
        }
        terminal.println("  ending " + left.size() + " leftover child process(es) " + terminal.ellipsis());
        left.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && left.stream().anyMatch(ProcessHandle::isAlive)) {
            sleepQuietly(200);
        }
        Stream.concat(left.stream(), ProcessHandle.current().descendants())
                .filter(ProcessHandle::isAlive)
                .forEach(ProcessHandle::destroyForcibly);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
