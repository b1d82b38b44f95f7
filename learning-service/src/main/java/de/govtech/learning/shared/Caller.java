package de.govtech.learning.shared;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.security.PlatformRoles;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the token subject (the learner id), the display name captured for certificates, the realm roles and
 * the municipality of the {@code municipality_id} claim. Role checks per operation stay on the resources
 * ({@code @RolesAllowed}); each feature's access class asks this record about objects.
 */
public record Caller(String subject, String displayName, Set<String> roles, Optional<UUID> municipalityId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isPlatformAdmin() {
        return roles.contains(PlatformRoles.PLATFORM_ADMIN);
    }

    /** Platform admins and learning editors author courses and workshops. */
    public boolean isAuthor() {
        return isPlatformAdmin() || roles.contains(LearningRoles.LEARNING_EDITOR);
    }

    public boolean isMunicipalityAdmin() {
        return roles.contains(PlatformRoles.MUNICIPALITY_ADMIN) && municipalityId.isPresent();
    }

    /** Admin or staff of a municipality: a learner. */
    public boolean isMunicipalityMember() {
        return municipalityId.isPresent() && (roles.contains(PlatformRoles.MUNICIPALITY_ADMIN)
                || roles.contains(PlatformRoles.MUNICIPALITY_STAFF));
    }

    public boolean actsFor(UUID municipality) {
        return municipalityId.filter(own -> own.equals(municipality)).isPresent();
    }

    /** Admin of this municipality (or platform admin): may enrol its staff and see their learning. */
    public boolean administers(UUID municipality) {
        return isPlatformAdmin() || (roles.contains(PlatformRoles.MUNICIPALITY_ADMIN) && actsFor(municipality));
    }

    public UUID requireMunicipality() {
        return municipalityId.orElseThrow(() ->
                DomainProblemException.forbidden("The token carries no valid municipality_id claim"));
    }
}
