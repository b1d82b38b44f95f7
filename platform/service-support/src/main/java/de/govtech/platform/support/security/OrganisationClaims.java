package de.govtech.platform.support.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/** Reads the organisation a caller acts for from the verified token. */
public final class OrganisationClaims {

    private OrganisationClaims() {
    }

    /** The UUID in {@code claim}; empty when the token is absent, lacks the claim, or the value is no UUID. */
    public static Optional<UUID> uuid(JsonWebToken token, String claim) {
        Object value = token == null ? null : token.getClaim(claim);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString().replace("\"", "").trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a malformed claim grants nothing
        }
    }

    public static Optional<UUID> municipalityId(JsonWebToken token) {
        return uuid(token, PlatformRoles.MUNICIPALITY_CLAIM);
    }

    public static Optional<UUID> vendorId(JsonWebToken token) {
        return uuid(token, PlatformRoles.VENDOR_CLAIM);
    }
}
