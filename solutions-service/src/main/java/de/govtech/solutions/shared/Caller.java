package de.govtech.solutions.shared;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.security.PlatformRoles;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling and for which municipality ({@code municipality_id} claim). Whether that municipality is an ACTIVE
 * member is not known here: features ask {@link de.govtech.solutions.members.Members} for that.
 */
public record Caller(String subject, Set<String> roles, Optional<UUID> municipalityId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isPlatformAdmin() {
        return roles.contains(PlatformRoles.PLATFORM_ADMIN);
    }

    public boolean isMunicipalityAdmin() {
        return roles.contains(PlatformRoles.MUNICIPALITY_ADMIN) && municipalityId.isPresent();
    }

    public boolean isMunicipalityUser() {
        return municipalityId.isPresent()
                && (roles.contains(PlatformRoles.MUNICIPALITY_ADMIN) || roles.contains(PlatformRoles.MUNICIPALITY_STAFF));
    }

    /** Admin of exactly this municipality. */
    public boolean administers(UUID municipality) {
        return isMunicipalityAdmin() && municipalityId.get().equals(municipality);
    }

    public void requirePlatformAdmin() {
        if (!isPlatformAdmin()) {
            throw DomainProblemException.forbidden("Only platform admins may do this");
        }
    }
}
