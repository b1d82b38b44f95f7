package de.govtech.platform.support.security;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** The {@link Caller} of the current request, from the verified token (anonymous: no roles, no organisation). */
@ApplicationScoped
public class CurrentCaller {

    private final SecurityIdentity identity; // a client proxy: resolves to the current request's identity

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (identity.isAnonymous()) {
            return new Caller("anonymous", "anonymous", java.util.Set.of(), Optional.empty(), Optional.empty());
        }
        String subject = identity.getPrincipal().getName();
        String displayName = subject;
        Optional<UUID> municipality = Optional.empty();
        Optional<UUID> vendor = Optional.empty();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            municipality = OrganisationClaims.municipalityId(token);
            vendor = OrganisationClaims.vendorId(token);
            if (token.getSubject() != null) {
                subject = token.getSubject();
            }
            displayName = displayName(token).orElse(displayName);
        }
        return new Caller(subject, displayName, identity.getRoles(), municipality, vendor);
    }

    /** {@code name}, else given and family name, as Keycloak's profile scope puts them into the token. */
    private static Optional<String> displayName(JsonWebToken token) {
        String name = text(token.getClaim("name"));
        if (name != null) {
            return Optional.of(name);
        }
        String given = text(token.getClaim("given_name"));
        String family = text(token.getClaim("family_name"));
        if (given == null && family == null) {
            return Optional.empty();
        }
        return Optional.of(((given == null ? "" : given) + " " + (family == null ? "" : family)).strip());
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        String value = claim.toString().replace("\"", "").strip();
        return value.isEmpty() ? null : value;
    }
}
