package de.govtech.membership.shared;

import de.govtech.platform.support.security.PlatformRoles;
import de.govtech.platform.support.problem.DomainProblemException;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling and for which municipality: the object-level authorisation rules of this service
 * (a municipality admin or staff member acts only for the municipality of their {@code municipality_id} claim;
 * a platform admin for all). Role checks per operation stay on the resources ({@code @RolesAllowed}).
 */
public record Caller(String subject, Set<String> roles, Optional<UUID> municipalityId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isPlatformAdmin() {
        return roles.contains(PlatformRoles.PLATFORM_ADMIN);
    }

    public boolean actsFor(UUID municipality) {
        return municipalityId.filter(own -> own.equals(municipality)).isPresent();
    }

    /** Platform admin, or admin / staff of this municipality. */
    public boolean mayRead(UUID municipality) {
        return isPlatformAdmin() || (actsFor(municipality)
                && (roles.contains(PlatformRoles.MUNICIPALITY_ADMIN) || roles.contains(PlatformRoles.MUNICIPALITY_STAFF)));
    }

    /** Platform admin, or admin of this municipality. */
    public boolean mayAdminister(UUID municipality) {
        return isPlatformAdmin() || (actsFor(municipality) && roles.contains(PlatformRoles.MUNICIPALITY_ADMIN));
    }

    public void requireRead(UUID municipality) {
        if (!mayRead(municipality)) {
            throw DomainProblemException.forbidden("You may only read data of your own municipality");
        }
    }

    public void requireAdminister(UUID municipality) {
        if (!mayAdminister(municipality)) {
            throw DomainProblemException.forbidden("You may only change data of your own municipality");
        }
    }
}
