package de.govtech.systemtests.replicas;

import de.govtech.systemtests.KeycloakAdmin;
import de.govtech.systemtests.PlatformStack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Member municipalities made the way the association makes them, through the gateway: a municipality is registered,
 * applies for membership, the platform admin verifies it and admits it (member-joined follows on membership.events).
 */
final class Members {

    static final String MEMBERSHIP = "/api/v1/membership";
    private static final String STATUTES_VERSION = "2025-12-12";
    private static final Set<String> OFFICIAL_KEYS = ConcurrentHashMap.newKeySet();

    /**
     * One admitted member; {@code adminUser} is its municipality admin in Keycloak and {@code adminToken} that user's
     * access token (the realm's tokens live 15 minutes), both null when none was made.
     */
    record Member(String municipalityId, String membershipId, String adminUser, String adminToken) {
    }

    private Members() {
    }

    /**
     * {@code count} new members, made side by side. With {@code withAdmins} each gets a municipality admin (a Keycloak
     * user whose {@code municipality_id} is the municipality's id) who registers and applies; otherwise the platform
     * admin does both.
     */
    static List<Member> admit(PlatformStack stack, int count, boolean withAdmins, String namePrefix) throws InterruptedException {
        KeycloakAdmin users = new KeycloakAdmin(stack.keycloakUrl(), PlatformStack.REALM);
        // one token for all: the realm's brute-force detection locks a user out who logs in many times at once
        String platformAdmin = stack.tokenOf("dev-platform-admin");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Member>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> admitOne(stack, users, platformAdmin, withAdmins, namePrefix)));
            }
            List<Member> members = new ArrayList<>();
            for (Future<Member> future : futures) {
                members.add(future.get());
            }
            return members;
        } catch (ExecutionException e) {
            throw new AssertionError("making a member failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Member admitOne(PlatformStack stack, KeycloakAdmin users, String platformAdmin, boolean withAdmin,
                                   String namePrefix) {
        String gateway = stack.gatewayUrl() + MEMBERSHIP;
        String adminUser = null;
        String applicant = platformAdmin;
        if (withAdmin) {
            String id = UUID.randomUUID().toString();
            adminUser = "replica-admin-" + id.substring(0, 8);
            users.createMunicipalityAdmin(adminUser, id);
            applicant = stack.tokenOf(adminUser);
        }
        String municipalityId = Http.send("POST", gateway + "/municipalities", applicant, municipality(namePrefix))
                .expect(201).createdId();
        String verification = Http.send("GET", gateway + "/municipalities/" + municipalityId, platformAdmin, null)
                .expect(200).json().path("verification").asText();
        if (!"VERIFIED".equals(verification)) {
            Http.send("POST", gateway + "/municipalities/" + municipalityId + "/verify", platformAdmin, null).expect(200);
        }
        String membershipId = Http.send("POST", gateway + "/memberships", applicant,
                Map.of("municipalityId", municipalityId, "statutesVersion", STATUTES_VERSION)).expect(201).createdId();
        Http.send("POST", gateway + "/memberships/" + membershipId + "/admit", platformAdmin, null).expect(200);
        return new Member(municipalityId, membershipId, adminUser, withAdmin ? applicant : null);
    }

    /** A Gemeinde in Baden-Württemberg with an official key (AGS) no other member of this run has. */
    private static Map<String, Object> municipality(String namePrefix) {
        String officialKey;
        do {
            officialKey = "08" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        } while (!OFFICIAL_KEYS.add(officialKey));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", namePrefix + " " + officialKey);
        body.put("type", "GEMEINDE");
        body.put("land", "08");
        body.put("officialKey", officialKey);
        body.put("contacts", List.of(Map.of("name", "Erika Mustermann", "function", "IT-Leitung", "email", "it@replicas.example")));
        return body;
    }
}
