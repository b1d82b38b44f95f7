package de.govtech.platform.testkit;

import de.govtech.platform.infra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Points a Quarkus test at a real PostgreSQL 17 on a free port with temporary data. One server serves all test
 * classes of an application; each service gets its own database, named by the init arg {@value #DATABASE_ARG}
 * (default {@value #DEFAULT_DATABASE}).
 *
 * <pre>{@code
 * @WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
 *         scope = TestResourceScope.GLOBAL, parallel = true)
 * }</pre>
 *
 * <p>With the init arg {@value #PROXIED_ARG} {@code = true} the application reaches its database through a
 * {@link TcpFaultProxy} ({@link #proxy()}), so a test can cut the database away and bring it back.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String DEFAULT_DATABASE = "app";
    public static final String PROXIED_ARG = "proxied";

    private static final SharedServer<PostgresServer> SHARED = new SharedServer<>("PostgreSQL",
            () -> PostgresServer.start(null, 0));

    private static volatile TcpFaultProxy proxy;

    private String database = DEFAULT_DATABASE;
    private boolean proxied;
    private boolean acquired;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, DEFAULT_DATABASE);
        proxied = Boolean.parseBoolean(initArgs.getOrDefault(PROXIED_ARG, "false"));
    }

    @Override
    public Map<String, String> start() {
        PostgresServer server = SHARED.acquire();
        acquired = true;
        server.ensureDatabase(database);
        String url = server.jdbcUrl(database);
        if (proxied) {
            try {
                proxy = TcpFaultProxy.forward(server.port());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the database proxy", e);
            }
            url = "jdbc:postgresql://localhost:" + proxy.port() + "/" + database;
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", server.username(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (proxy != null && proxied) {
            try {
                proxy.close();
            } catch (IOException ignored) {
                // the test run ends anyway
            }
            proxy = null;
        }
        if (acquired) {
            acquired = false;
            SHARED.release();
        }
    }

    /** The running server, e.g. to create another database or to connect directly. */
    public static PostgresServer server() {
        return SHARED.current();
    }

    /** The proxy between the application and its database; only with {@value #PROXIED_ARG} {@code = true}. */
    public static TcpFaultProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("No database proxy: start PostgresTestResource with initArgs "
                    + "@ResourceArg(name = \"proxied\", value = \"true\")");
        }
        return proxy;
    }
}
