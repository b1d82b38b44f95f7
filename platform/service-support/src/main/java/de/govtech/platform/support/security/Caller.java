package de.govtech.platform.support.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.govtech.platform.support.problem.DomainProblemException;

/**
 * Who is calling, in every service: the token's subject and display name, its realm roles and the organisations
 * its claims name. Which operations a role may call is declared on the resources ({@code @RolesAllowed}); which
 * objects a caller may see or change is decided by one access class per feature, built on the questions below.
 */
public record Caller(String subject, String displayName, Set<String> roles, Optional<UUID> municipalityId,
                     Optional<UUID> vendorId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isPlatformAdmin() {
        return hasRole(PlatformRoles.PLATFORM_ADMIN);
    }

    /** Admin of the municipality the token names. */
    public boolean isMunicipalityAdmin() {
        return hasRole(PlatformRoles.MUNICIPALITY_ADMIN) && municipalityId.isPresent();
    }

    /** Admin or staff of the municipality the token names. */
    public boolean isMunicipalityUser() {
        return municipalityId.isPresent()
                && (hasRole(PlatformRoles.MUNICIPALITY_ADMIN) || hasRole(PlatformRoles.MUNICIPALITY_STAFF));
    }

    /** The token names this municipality. */
    public boolean actsFor(UUID municipality) {
        return municipality != null && municipalityId.filter(municipality::equals).isPresent();
    }

    /** Admin of exactly this municipality (platform admins are not). */
    public boolean isAdminOf(UUID municipality) {
        return isMunicipalityAdmin() && actsFor(municipality);
    }

    /** Platform admin, or admin or staff of this municipality. */
    public boolean mayRead(UUID municipality) {
        return isPlatformAdmin() || (isMunicipalityUser() && actsFor(municipality));
    }

    /** Platform admin, or admin of this municipality. */
    public boolean mayAdminister(UUID municipality) {
        return isPlatformAdmin() || isAdminOf(municipality);
    }

    /** The token names this vendor. */
    public boolean actsForVendor(UUID vendor) {
        return vendor != null && vendorId.filter(vendor::equals).isPresent();
    }

    public void requirePlatformAdmin() {
        if (!isPlatformAdmin()) {
            throw DomainProblemException.forbidden("Only platform admins may do this");
        }
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

    /** The municipality the token names; 403 without a valid {@code municipality_id} claim. */
    public UUID requireMunicipality() {
        return municipalityId.orElseThrow(() ->
                DomainProblemException.forbidden("The token carries no valid municipality_id claim"));
    }

    /** The vendor the token names; 403 without a valid {@code vendor_id} claim. */
    public UUID requireVendor() {
        return vendorId.orElseThrow(() -> DomainProblemException.forbidden("The token carries no valid vendor_id claim"));
    }
}
