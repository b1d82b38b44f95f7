package de.govtech.solutions.reuse;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.solutions.members.Members;
import de.govtech.solutions.pilots.PilotLeads;
import de.govtech.platform.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.UUID;

/**
 * Who may do what with reuse requests and agreements. Ask: the admin of an ACTIVE member municipality, for its own
 * municipality. Decide (accept, decline): the providing side — platform admins and the admin of the municipality that
 * leads the solution's pilot. See a request: the providing side and users of the requesting municipality. See an agreement: platform admins and users of a participating municipality.
 */
@ApplicationScoped
class ReuseAccess {

    private final Members members;
    private final PilotLeads leads;

    ReuseAccess(Members members, PilotLeads leads) {
        this.members = members;
        this.leads = leads;
    }

    UUID requireAsk(Caller caller) {
        if (!caller.isMunicipalityAdmin() || !members.isActive(caller.municipalityId().get())) {
            throw DomainProblemException.forbidden("Only the admin of an active member municipality asks to reuse a solution");
        }
        return caller.municipalityId().get();
    }

    boolean isProvidingSide(Caller caller, UUID solutionId) {
        return caller.isPlatformAdmin() || (caller.isMunicipalityAdmin() && leads.leads(caller.municipalityId().get(), solutionId));
    }

    void requireDecide(Caller caller, UUID solutionId) {
        if (!isProvidingSide(caller, solutionId)) {
            throw DomainProblemException.forbidden("Only the providing side decides on reuse requests");
        }
    }

    boolean actsFor(Caller caller, UUID municipalityId) {
        return caller.isMunicipalityUser() && caller.municipalityId().get().equals(municipalityId);
    }

    void requireSeeRequest(Caller caller, ReuseRequest request) {
        if (!isProvidingSide(caller, request.solutionId) && !actsFor(caller, request.municipalityId)) {
            throw DomainProblemException.forbidden("A reuse request is seen by its municipality and platform admins");
        }
    }

    void requireSeeAgreement(Caller caller, Collection<UUID> participants) {
        if (!caller.isPlatformAdmin() && participants.stream().noneMatch(id -> actsFor(caller, id))) {
            throw DomainProblemException.forbidden("A reuse agreement is seen by its participants and platform admins");
        }
    }
}
