package de.govtech.solutions.proposals;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.solutions.members.Members;
import de.govtech.platform.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Who may see and change solutions. Read: platform admins, and admins and staff of ACTIVE member municipalities
 * (proposals are shared among all members). Propose: a municipality admin of an ACTIVE member for its own
 * municipality, or a platform admin for any ACTIVE member or the association. Change status: platform admins.
 */
@ApplicationScoped
public class SolutionAccess {

    private final Members members;

    SolutionAccess(Members members) {
        this.members = members;
    }

    public boolean mayRead(Caller caller) {
        return caller.isPlatformAdmin() || (caller.isMunicipalityUser() && members.isActive(caller.municipalityId().get()));
    }

    public void requireRead(Caller caller) {
        if (!mayRead(caller)) {
            throw DomainProblemException.forbidden("Only platform admins and users of active member municipalities see solutions");
        }
    }

    /** The municipality the proposal is made for (null: the association's own); 403/422 when the caller may not. */
    UUID requirePropose(Caller caller, UUID named) {
        if (caller.isPlatformAdmin()) {
            if (named != null && !members.isActive(named)) {
                throw DomainProblemException.unprocessable("Municipality " + named + " is not an active member",
                        "proposingMunicipalityId");
            }
            return named;
        }
        UUID own = caller.municipalityId().orElse(null);
        if (!caller.isMunicipalityAdmin() || (named != null && !named.equals(own))) {
            throw DomainProblemException.forbidden("A municipality admin proposes only for their own municipality");
        }
        if (!members.isActive(own)) {
            throw DomainProblemException.forbidden("Only active member municipalities propose solutions");
        }
        return own;
    }
}
