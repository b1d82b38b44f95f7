package de.govtech.platform.testkit;

import de.govtech.platform.infra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

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
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String DEFAULT_DATABASE = "app";

    private static final SharedServer<PostgresServer> SHARED = new SharedServer<>("PostgreSQL",
            () -> PostgresServer.start(null, 0));

    private String database = DEFAULT_DATABASE;
    private boolean acquired;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, DEFAULT_DATABASE);
    }

    @Override
    public Map<String, String> start() {
        PostgresServer server = SHARED.acquire();
        acquired = true;
        server.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", server.username(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (acquired) {
            acquired = false;
            SHARED.release();
        }
    }

    /** The running server, e.g. to create another database or to connect directly. */
    public static PostgresServer server() {
        return SHARED.current();
    }
}
