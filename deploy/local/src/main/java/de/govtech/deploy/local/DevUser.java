package de.govtech.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A user of the imported govtech realm, as the summary lists it (password = username, dev only). */
record DevUser(String username, List<String> roles, String municipalityId, String vendorId) {

    /** The realm file's users, without service-account users. */
    static List<DevUser> readRealm(Path realmFile) throws IOException {
        JsonNode realm = new ObjectMapper().readTree(realmFile.toFile());
        List<DevUser> users = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            String username = user.path("username").asText("");
            if (username.isEmpty() || username.startsWith("service-account-")) {
                continue;
            }
            List<String> roles = new ArrayList<>();
            user.path("realmRoles").forEach(role -> {
                String name = role.asText();
                if (!name.startsWith("default-roles-") && !name.equals("offline_access") && !name.equals("uma_authorization")) {
                    roles.add(name);
                }
            });
            users.add(new DevUser(username, List.copyOf(roles),
                    firstAttribute(user, "municipality_id"), firstAttribute(user, "vendor_id")));
        }
        return List.copyOf(users);
    }

    private static String firstAttribute(JsonNode user, String name) {
        JsonNode value = user.path("attributes").path(name);
        if (value.isArray()) {
            return value.isEmpty() ? null : value.get(0).asText();
        }
        return value.isTextual() ? value.asText() : null;
    }
}
