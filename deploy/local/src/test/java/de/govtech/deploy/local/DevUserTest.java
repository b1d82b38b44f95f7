package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class DevUserTest {

    @Test
    void readsUsersRolesAndOrganisationClaimsButNoServiceAccounts(@TempDir Path dir) throws IOException {
        Path realm = dir.resolve("realm.json");
        Files.writeString(realm, """
                {"realm": "govtech", "users": [
                  {"username": "dev-platform-admin", "realmRoles": ["platform-admin", "default-roles-govtech"]},
                  {"username": "dev-heilbronn-admin", "realmRoles": ["municipality-admin"],
                   "attributes": {"municipality_id": ["0b7c7d52-0000-4000-8000-000000000001"]}},
                  {"username": "dev-vendor", "realmRoles": ["vendor"], "attributes": {"vendor_id": ["v-1"]}},
                  {"username": "service-account-govtech-services", "realmRoles": ["platform-admin"]}
                ]}
                """);

        List<DevUser> users = DevUser.readRealm(realm);

        assertEquals(List.of(
                new DevUser("dev-platform-admin", List.of("platform-admin"), null, null),
                new DevUser("dev-heilbronn-admin", List.of("municipality-admin"), "0b7c7d52-0000-4000-8000-000000000001", null),
                new DevUser("dev-vendor", List.of("vendor"), null, "v-1")), users);
    }

    @Test
    void theRealRealmFileHasDevUsers() throws IOException {
        Path realm = StackLayout.findRoot(Path.of("")).orElseThrow().resolve("deploy/keycloak/realm/govtech-realm.json");

        List<DevUser> users = DevUser.readRealm(realm);

        assertFalse(users.isEmpty());
        users.forEach(u -> assertFalse(u.roles().isEmpty(), u.username() + " has no role"));
        assertNull(users.stream().filter(u -> u.username().startsWith("service-account-")).findAny().orElse(null));
    }
}
