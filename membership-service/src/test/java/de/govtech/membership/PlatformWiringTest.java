package de.govtech.membership;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import de.govtech.platform.testkit.ServicePlatformContractTest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The service runs on the platform: real database and broker, health, OpenAPI, problem details, migrations. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "membership"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class PlatformWiringTest extends ServicePlatformContractTest {

    PlatformWiringTest() {
        super("/api/v1/membership", "GovTech Kommunal — Membership API");
    }
}
