package de.govtech.solutions.shared;

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
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            municipality = OrganisationClaims.municipalityId(token);
            if (token.getSubject() != null) {
                subject = token.getSubject();
            }
        }
        return new Caller(subject, identity.getRoles(), municipality);
    }
}
