package de.govtech.gateway;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Mutiny runs every callback of Quarkus security's chain (authentication, path policies) as it is: no SmallRye
 * context snapshot is taken and restored around each one (the gateway forwards on the event loop, nothing of it
 * needs a propagated context).
 */
@QuarkusTest
@io.quarkus.test.common.WithTestResource(de.govtech.gateway.support.UpstreamsResource.class)
class NoContextPropagationTest {

    @Test
    void mutinyCallbacksAreNotWrappedInAContextSnapshot() {
        Supplier<String> supplier = () -> "answer";
        Function<String, String> function = String::trim;

        assertSame(supplier, Infrastructure.decorate(supplier));
        assertSame(function, Infrastructure.decorate(function));
    }
}
