package de.govtech.platform.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;

/**
 * Points a Quarkus test's OIDC at a real Keycloak with the govtech realm (for system tests; resource tests use
 * quarkus-test-security). Get tokens with {@link #tokens()}.
 *
 * <pre>{@code
 * @WithTestResource(value = KeycloakTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
 * ...
 * String token = KeycloakTestResource.tokens().accessTokenOf("dev-heilbronn-admin");
 * }</pre>
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    private static final SharedServer<RealmKeycloak> SHARED = new SharedServer<>("Keycloak",
            () -> RealmKeycloak.start(Path.of("target", "keycloak-test.log")));

    private boolean acquired;

    @Override
    public Map<String, String> start() {
        RealmKeycloak keycloak = SHARED.acquire();
        acquired = true;
        return Map.of(
                "quarkus.oidc.auth-server-url", keycloak.realmUrl(),
                "quarkus.oidc.tenant-enabled", "true");
    }

    @Override
    public void stop() {
        if (acquired) {
            acquired = false;
            SHARED.release();
        }
    }

    public static RealmKeycloak keycloak() {
        return SHARED.current();
    }

    public static KeycloakTokens tokens() {
        return keycloak().tokens();
    }
}
