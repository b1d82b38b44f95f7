package de.govtech.membership.shared;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/** The {@link Caller} of the current request, from the verified token. */
@ApplicationScoped
public class CurrentCaller {

    private final SecurityIdentity identity; // a client proxy: resolves to the current request's identity

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        Optional<UUID> municipality = Optional.empty();
        String subject = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            municipality = parse(token.getClaim(Roles.MUNICIPALITY_CLAIM));
            if (token.getSubject() != null) {
                subject = token.getSubject();
            }
        }
        return new Caller(subject, identity.getRoles(), municipality);
    }

    private static Optional<UUID> parse(Object claim) {
        if (claim == null) {
            return Optional.empty();
        }
        String value = claim.toString().replace("\"", "").trim();
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a malformed claim grants nothing
        }
    }
}
