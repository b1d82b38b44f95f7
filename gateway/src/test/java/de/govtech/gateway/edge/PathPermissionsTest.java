package de.govtech.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.govtech.gateway.edge.PathPermissions.PermissionSet;

class PathPermissionsTest {

    private final PathPermissions gateways = new PathPermissions(List.of(
            new PermissionSet("permit", List.of("/api/v1/marketplace/catalogue", "/api/v1/marketplace/catalogue/*"),
                    List.of("GET", "HEAD")),
            new PermissionSet("permit", List.of("/api/v1/learning/verifications/*"), List.of("GET", "HEAD")),
            new PermissionSet("authenticated", List.of("/api/v1/learning/verifications"), List.of()),
            new PermissionSet("authenticated", List.of("/*"), List.of())));

    @Test
    void aPermittedPathIsPublicForItsMethodsOnly() {
        assertTrue(gateways.permitsAnonymous("GET", "/api/v1/marketplace/catalogue"));
        assertTrue(gateways.permitsAnonymous("HEAD", "/api/v1/marketplace/catalogue/apps"));
        assertFalse(gateways.permitsAnonymous("POST", "/api/v1/marketplace/catalogue/apps"));
        assertFalse(gateways.permitsAnonymous("GET", "/api/v1/marketplace/catalogues"));
        assertFalse(gateways.permitsAnonymous("GET", "/api/v1/membership/municipalities"));
    }

    @Test
    void aWildcardNamesOnlyWhatIsBelowItsBase() {
        assertTrue(gateways.permitsAnonymous("GET", "/api/v1/learning/verifications/abc"));
        assertFalse(gateways.permitsAnonymous("GET", "/api/v1/learning/verifications"));
        assertFalse(gateways.permitsAnonymous("GET", "/api/v1/learning/verifications/"));
    }

    @Test
    void aMoreSpecificSecuredPathBelowAPublicOneIsNotPublic() {
        var permissions = new PathPermissions(List.of(
                new PermissionSet("permit", List.of("/api/v1/marketplace/catalogue/*"), List.of()),
                new PermissionSet("authenticated", List.of("/api/v1/marketplace/catalogue/drafts/*"), List.of())));

        assertTrue(permissions.permitsAnonymous("GET", "/api/v1/marketplace/catalogue/apps"));
        assertFalse(permissions.permitsAnonymous("GET", "/api/v1/marketplace/catalogue/drafts"));
        assertFalse(permissions.permitsAnonymous("GET", "/api/v1/marketplace/catalogue/drafts/1"));
    }

    @Test
    void rememberedTokensAreAdmittedOnlyWhileNoPolicyAsksForMoreThanAValidToken() {
        assertTrue(gateways.admitEveryAuthenticatedCaller());
        assertFalse(new PathPermissions(List.of(new PermissionSet("admins", List.of("/api/v1/admin/*"), List.of())))
                .admitEveryAuthenticatedCaller());
        assertFalse(new PathPermissions(List.of(new PermissionSet("deny", List.of("/api/v1/x/*"), List.of())))
                .admitEveryAuthenticatedCaller());
    }
}
