package de.govtech.solutions.rounds;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;
import de.govtech.solutions.members.Members;
import de.govtech.solutions.proposals.SolutionAccess;
import de.govtech.platform.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Who may see and do what in selection rounds. Rounds: read by platform admins and users of ACTIVE members; opened and
 * closed by platform admins. Ballots: cast only by the admin of the ACTIVE member municipality itself (not by staff,
 * vendors, platform admins or another municipality's admin); read by that municipality's users and platform admins.
 * Results: platform admins always, everyone else who may read rounds only once the round is closed.
 */
@ApplicationScoped
class RoundAccess {

    static final ProblemType RESULTS_HIDDEN =
            ProblemType.of("results-hidden", "Results are published when the round is closed", 403);

    private final SolutionAccess solutions;
    private final Members members;

    RoundAccess(SolutionAccess solutions, Members members) {
        this.solutions = solutions;
        this.members = members;
    }

    void requireRead(Caller caller) {
        if (!solutions.mayRead(caller)) {
            throw DomainProblemException.forbidden("Only platform admins and users of active member municipalities see rounds");
        }
    }

    void requireResults(Caller caller, SelectionRound round) {
        requireRead(caller);
        if (round.status != RoundStatus.CLOSED && !caller.isPlatformAdmin()) {
            throw new DomainProblemException(RESULTS_HIDDEN, "The results of round " + round.id
                    + " are published when it is closed");
        }
    }

    void requireCast(Caller caller, UUID municipalityId) {
        if (!caller.isAdminOf(municipalityId)) {
            throw DomainProblemException.forbidden("Only the admin of municipality " + municipalityId + " casts its ballot");
        }
        if (!members.isActive(municipalityId)) {
            throw DomainProblemException.forbidden("Only active member municipalities vote");
        }
    }

    void requireReadBallot(Caller caller, UUID municipalityId) {
        boolean own = caller.isMunicipalityUser() && caller.municipalityId().get().equals(municipalityId);
        if (!caller.isPlatformAdmin() && !own) {
            throw DomainProblemException.forbidden("A ballot is seen only by its municipality and platform admins");
        }
    }
}
