package de.govtech.deploy.samplebroker;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A vendor's Open Service Broker (API v2.17) for tests and the local stack: a real HTTP server with asynchronous
 * provisioning and deprovisioning, configurable delays and failures per plan. Thread-safe.
 *
 * <pre>{@code
 * try (SampleBroker broker = SampleBroker.start(SampleBrokerSettings.defaults())) {
 *     broker.behave(Catalog.DEMO_PREMIUM_PLAN_ID, Behaviour.FAIL_ASYNC);
 *     ... broker.baseUrl(), broker.requests(), broker.instances()
 * }
 * }</pre>
 */
public final class SampleBroker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SampleBroker.class.getName());

    private final HttpServer server;
    private final ExecutorService workers;
    private final InstanceStore store;
    private final RequestRecorder recorder;
    private final Behaviours behaviours;
    private final URI baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SampleBroker(HttpServer server, ExecutorService workers, InstanceStore store, RequestRecorder recorder,
                         Behaviours behaviours, URI baseUrl) {
        this.server = server;
        this.workers = workers;
        this.store = store;
        this.recorder = recorder;
        this.behaviours = behaviours;
        this.baseUrl = baseUrl;
    }

    /** Starts listening (port 0 = a free port) and returns when it accepts connections. */
    public static SampleBroker start(SampleBrokerSettings settings) throws IOException {
        return start(settings, line -> LOG.log(System.Logger.Level.DEBUG, line));
    }

    /** Like {@link #start(SampleBrokerSettings)}, handing one line per request to {@code requestLog}. */
    public static SampleBroker start(SampleBrokerSettings settings, Consumer<String> requestLog) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.port()), 50);
        URI baseUrl = URI.create("http://localhost:" + server.getAddress().getPort());
        InstanceStore store = new InstanceStore(settings.provisionDelay(), settings.deprovisionDelay());
        RequestRecorder recorder = new RequestRecorder();
        Behaviours behaviours = new Behaviours(settings.catalog());
        InstanceEndpoints instances = new InstanceEndpoints(settings.catalog(), behaviours, store,
                settings.retryAfterSeconds(), baseUrl, settings.provisionDelay());
        String instancePath = "/v2/service_instances/([^/]+)";
        Router router = new Router(new ApiGuard(settings.username(), settings.password()))
                .add("GET", "/health", (request, id) -> Reply.json(200, Json.object().put("status", "UP")))
                .add("GET", "/v2/catalog", (request, id) -> Reply.json(200, settings.catalog().toOsbJson()))
                .add("PUT", instancePath, instances::provision)
                .add("GET", instancePath, (request, id) -> instances.fetch(id))
                .add("DELETE", instancePath, instances::deprovision)
                .add("GET", instancePath + "/last_operation", instances::lastOperation)
                .add("GET", "/dashboard/([^/]+)", (request, id) -> Dashboard.page(store, id))
                .add("PUT", "/control/plans/([^/]+)/behaviour", new BehaviourControl(behaviours)::change);
        // unbounded: slow and hanging answers hold their thread, and must not hold up other requests
        ExecutorService workers = Executors.newCachedThreadPool(daemonThreads());
        server.createContext("/", new BrokerHttpHandler(router, recorder, requestLog));
        server.setExecutor(workers);
        server.start();
        return new SampleBroker(server, workers, store, recorder, behaviours, baseUrl);
    }

    /** {@code http://localhost:<port>}; the OSB paths are {@code <baseUrl>/v2/...}. */
    public URI baseUrl() {
        return baseUrl;
    }

    public int port() {
        return baseUrl.getPort();
    }

    /** Changes how provisions of the given broker plan id behave from now on (tests flip this at runtime). */
    public void behave(String planId, Behaviour behaviour) {
        behaviours.set(planId, behaviour);
    }

    /** Every request received, in order: method, path, query, headers (lower-case names), body. */
    public List<RecordedRequest> requests() {
        return recorder.snapshot();
    }

    /** Forgets the recorded requests (instances stay). */
    public void clearRequests() {
        recorder.clear();
    }

    /** Instances that currently exist (provisioned or in progress), by instance id. */
    public Map<String, BrokerInstance> instances() {
        return store.instances();
    }

    /** Stops listening and forgets everything; the port is free afterwards. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            workers.shutdownNow();
            store.close();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sample-broker-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
