package de.govtech.platform.testkit;

import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service owes the platform, proven against its real database and broker: readiness including the
 * database, an OpenAPI 3.1 document with its title, the bearer scheme and the Problem schema, schema names chosen
 * for clients (no {@code …View}, no generic type's name), operations a client can be generated from
 * and examples on every object schema and request body ({@link OpenApiDocumentRules}), each valid against its schema
 * ({@link OpenApiExamples}), problem+json for unknown paths, metrics and Swagger UI,
 * the platform's outbox/inbox migration applied, and Kafka consumers that are complete, started, in the health checks
 * and leave a record they could not finish for the next start ({@link KafkaConsumerRules}).
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"), ...)
 * @WithTestResource(value = KafkaTestResource.class, ...)
 * class PlatformWiringTest extends ServicePlatformContractTest {
 *     PlatformWiringTest() { super("/api/v1/membership", "GovTech Kommunal — Membership API"); }
 * }
 * }</pre>
 */
public abstract class ServicePlatformContractTest {

    private static final String SUBSCRIPTIONS_LIVENESS = "kafka-subscriptions-liveness";
    private static final String SUBSCRIPTIONS_READINESS = "kafka-subscriptions-readiness";
    private static final String DATABASE_CHECK = "Database connections health check";
    /** How SmallRye names a generic type it was not told a name for: {@code PageMembershipView}, {@code ListString}. */
    private static final Pattern GENERIC_TYPE_NAME = Pattern.compile("(Page|List|Set|Map|Optional|Collection)[A-Z].*");

    private final String basePath;
    private final String apiTitle;

    @Inject
    DataSource dataSource;

    protected ServicePlatformContractTest(String basePath, String apiTitle) {
        this.basePath = basePath;
        this.apiTitle = apiTitle;
    }

    @Test
    void readinessIsUpAndIncludesTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(DATABASE_CHECK))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("UP"));
    }

    @Test
    void openApiDocumentIsVersion31WithTitleBearerSchemeAndProblemSchema() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3.1."))
                .body("info.title", equalTo(apiTitle))
                .body("info.version", equalTo("1.0.0"))
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.schemas", hasKey("Problem"));
    }

    /** Generated clients turn schema names into class names: each is a deliberate {@code @Schema(name = …)}. */
    @Test
    void everySchemaHasAPublicNameNotAJavaTypesName() {
        Map<String, Object> schemas = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("components.schemas");
        List<String> javaNames = schemas.keySet().stream().filter(ServicePlatformContractTest::isJavaTypeName).sorted().toList();
        assertEquals(List.of(), javaNames, "name these schemas with @Schema(name = …): a view is named after what it shows "
                + "(Municipality, not MunicipalityView), a generic type after its items (MembershipPage)");
    }

    /**
     * Generated clients turn a schema's description into their model class's documentation. The JDK's scalar types
     * (UUID, Instant, LocalDate: a string with a format) are described by their format.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyObjectAndEnumSchemaHasADescription() {
        Map<String, Object> schemas = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("components.schemas");
        List<String> undescribed = schemas.entrySet().stream()
                .filter(schema -> !isDescribed((Map<String, Object>) schema.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        assertEquals(List.of(), undescribed, "describe these schemas with @Schema(description = …): what one is, "
                + "for whom, and what its values mean");
    }

    static boolean isDescribed(Map<String, Object> schema) {
        boolean scalar = "string".equals(schema.get("type")) && schema.containsKey("format")
                && !schema.containsKey("enum");
        return scalar || schema.get("description") instanceof String description && !description.isBlank();
    }

    @Test
    void everyOperationHasAUniqueIdASummaryASuccessAndTheErrorsThatApplyToIt() {
        var document = OpenApiDocumentRules.serviceDocument();
        assertTrue(OpenApiDocumentRules.operations(document).size() > 0, "the document has no operations");
        assertEquals(List.of(), OpenApiDocumentRules.incompleteOperations(document));
    }

    /** A generated client only accepts JSON for a success it knows has a body (else it asks for problem+json only). */
    @Test
    void everySuccessThatAnswersABodyDocumentsIt() {
        assertEquals(List.of(), OpenApiDocumentRules.successesWithoutBody(OpenApiDocumentRules.serviceDocument()));
    }

    /** No resource writes 422 by hand: platform-service-support's filter documents it on every state-changing operation. */
    @Test
    void everyStateChangingOperationDocumentsTheBusinessRuleProblem() {
        assertEquals(List.of(),
                OpenApiDocumentRules.stateChangingWithoutBusinessRuleProblem(OpenApiDocumentRules.serviceDocument()));
    }

    /** Generated clients and API consumers read the examples: every object schema and JSON request body has one. */
    @Test
    void everyObjectSchemaAndRequestBodyHasAnExample() {
        var document = OpenApiDocumentRules.serviceDocument();
        assertEquals(List.of(), OpenApiDocumentRules.objectSchemasWithoutExample(document));
        assertEquals(List.of(), OpenApiDocumentRules.requestBodiesWithoutExample(document));
    }

    /**
     * Clients and mock servers take the examples at their word: each is an instance of its own schema, which leaves a
     * property out rather than setting it to {@code null} (no schema declares one nullable).
     */
    @Test
    void everyExampleIsValidAgainstItsSchema() {
        String document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        OpenApiExamples examples = new OpenApiExamples(document);
        assertTrue(examples.count() > 0, "the document has no examples");
        assertEquals(List.of(), examples.invalid());
    }

    static boolean isJavaTypeName(String schemaName) {
        return schemaName.endsWith("View") || !schemaName.matches("[A-Za-z][A-Za-z0-9]*")
                || GENERIC_TYPE_NAME.matcher(schemaName).matches();
    }

    @Test
    void unknownPathUnderTheBasePathIsANotFoundProblem() {
        given().when().get(basePath + "/no-such-resource")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://govtech-kommunal.de/problems/not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo(basePath + "/no-such-resource"));
    }

    @Test
    void operationsEndpointsAreServed() {
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void platformMigrationCreatedTheOutboxAndInboxTables() throws SQLException {
        assertEquals(List.of("inbox_event", "outbox_event"),
                strings("select table_name from information_schema.tables where table_schema = 'public'"
                        + " and table_name in ('outbox_event', 'inbox_event') order by table_name"));
        List<String> applied = strings("select version from flyway_schema_history where success order by installed_rank");
        assertTrue(applied.contains("0.1"), "applied migrations: " + applied);
    }

    /**
     * Every platform-messaging subscription the configuration names is complete (topics, group id), started, and
     * reported by the health checks: liveness (DOWN once it stops on a failure) and readiness (joined its group). A
     * subscription that is configured but never started would leave its events unapplied without any sign.
     */
    @Test
    void everySubscriptionIsConfiguredStartedAndInTheHealthChecks() throws InterruptedException {
        Map<String, String> config = consumerConfig();
        assertEquals(List.of(), KafkaConsumerRules.incompleteSubscriptions(config), "subscription settings missing");
        Set<String> configured = KafkaConsumerRules.subscriptions(config);
        assertEquals(configured, healthData("/q/health/live", SUBSCRIPTIONS_LIVENESS).keySet(),
                "subscriptions in the liveness check");
        Map<String, String> readiness = healthData("/q/health/ready", SUBSCRIPTIONS_READINESS);
        for (int wait = 0; wait < 60 && !readiness.values().stream().allMatch(s -> s.startsWith("JOINED")); wait++) {
            Thread.sleep(1_000);
            readiness = healthData("/q/health/ready", SUBSCRIPTIONS_READINESS);
        }
        assertEquals(configured, readiness.keySet(), "subscriptions in the readiness check");
        assertEquals(List.of(), readiness.entrySet().stream().filter(e -> !e.getValue().startsWith("JOINED"))
                .map(e -> e.getKey() + ": " + e.getValue()).toList(), "subscriptions that have not joined their group");
    }

    /**
     * A consumer that stops (shutdown, an interrupt, a dead-letter topic it cannot write) must leave its record for
     * the next start, and must not begin after records it never read: {@link KafkaConsumerRules#skippingConsumers}.
     */
    @Test
    void everyConsumerFailsRatherThanSkippingARecord() {
        assertEquals(List.of(), KafkaConsumerRules.skippingConsumers(consumerConfig()),
                "consumers that can skip a record");
    }

    private static Map<String, String> consumerConfig() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> consumers = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(KafkaConsumerRules.SUBSCRIPTIONS) || name.startsWith(KafkaConsumerRules.INCOMING)) {
                config.getOptionalValue(name, String.class).ifPresent(value -> consumers.put(name, value));
            }
        }
        return consumers;
    }

    /** The data of one health check of the endpoint (name → detail); fails when the check is not registered. */
    private static Map<String, String> healthData(String endpoint, String check) {
        List<Map<String, Object>> checks = given().when().get(endpoint).then().extract().jsonPath().getList("checks");
        Map<String, Object> found = checks.stream().filter(c -> check.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(check + " is not registered at " + endpoint + ": " + checks));
        Map<String, String> data = new TreeMap<>();
        if (found.get("data") instanceof Map<?, ?> entries) {
            entries.forEach((name, detail) -> data.put(name.toString(), String.valueOf(detail)));
        }
        return data;
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                result.add(rows.getString(1));
            }
        }
        return result;
    }
}
