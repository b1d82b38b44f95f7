package de.govtech.learning.shared;

import de.govtech.platform.support.security.OrganisationClaims;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/** The {@link Caller} of the current request, from the verified token. */
@ApplicationScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        Optional<UUID> municipality = Optional.empty();
        String subject = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        String displayName = subject;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            municipality = OrganisationClaims.municipalityId(token);
            if (token.getSubject() != null) {
                subject = token.getSubject();
            }
            displayName = displayName(token).orElse(displayName);
        }
        return new Caller(subject, displayName, identity.getRoles(), municipality);
    }

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
