package de.govtech.platform.support.security;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrganisationClaimsTest {

    private static final UUID HEILBRONN = UUID.fromString("f4ec1f01-9f1c-3d34-ba99-332841cb7bcd");

    @Test
    void readsTheMunicipalityAndVendorClaims() {
        JsonWebToken token = token(Map.of("municipality_id", HEILBRONN.toString(), "vendor_id", "\"" + HEILBRONN + "\""));
        assertEquals(Optional.of(HEILBRONN), OrganisationClaims.municipalityId(token));
        assertEquals(Optional.of(HEILBRONN), OrganisationClaims.vendorId(token), "a JSON-quoted value is read too");
    }

    @Test
    void aMissingOrMalformedClaimGrantsNothing() {
        assertEquals(Optional.empty(), OrganisationClaims.municipalityId(token(Map.of())));
        assertEquals(Optional.empty(), OrganisationClaims.municipalityId(token(Map.of("municipality_id", "08121000"))));
        assertEquals(Optional.empty(), OrganisationClaims.vendorId(null));
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }
}
