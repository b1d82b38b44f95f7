package de.govtech.marketplace.common;

import de.govtech.platform.support.security.OrganisationClaims;
import de.govtech.platform.support.security.PlatformRoles;
import de.govtech.platform.support.problem.DomainProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/** Who calls: name, roles and the organisation claims of the bearer token. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String name() {
        return identity.getPrincipal().getName();
    }

    public boolean isPlatformAdmin() {
        return identity.hasRole(PlatformRoles.PLATFORM_ADMIN);
    }

    /** The vendor the caller acts for (claim {@code vendor_id}), if the token carries a valid one. */
    public Optional<UUID> vendorId() {
        return OrganisationClaims.vendorId(token);
    }

    /** The vendor the caller acts for; 403 if the token has no valid {@code vendor_id}. */
    public UUID requireVendorId() {
        return vendorId().orElseThrow(() -> DomainProblemException.forbidden("The token carries no valid vendor_id claim"));
    }
}
