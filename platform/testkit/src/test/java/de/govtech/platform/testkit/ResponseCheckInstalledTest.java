package de.govtech.platform.testkit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link OpenApiResponseFilter.Install} (META-INF/services) puts the response check into RestAssured for every
 * {@code @QuarkusTest} without the test class asking, once.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "testkit"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ResponseCheckInstalledTest {

    @Test
    void everyQuarkusTestHasTheResponseCheck() {
        assertEquals(1, RestAssured.filters().stream().filter(OpenApiResponseFilter.class::isInstance).count());
    }
}
