package de.govtech.solutions.pilots;

import de.govtech.platform.support.persistence.UniqueViolations;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.ProblemType;
import de.govtech.solutions.members.Members;
import de.govtech.solutions.proposals.Solution;
import de.govtech.solutions.proposals.SolutionAccess;
import de.govtech.solutions.proposals.SolutionStatus;
import de.govtech.platform.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Pilots are managed by platform admins and read by everyone who may read solutions. */
@ApplicationScoped
public class PilotService {

    static final ProblemType LEAD_TAKEN = ProblemType.of("pilot-lead-taken", "The pilot already has a lead municipality", 409);

    private final SolutionAccess access;
    private final Members members;
    private final Clock clock;

    PilotService(SolutionAccess access, Members members, Clock clock) {
        this.access = access;
        this.members = members;
        this.clock = clock;
    }

    @Transactional
    public PilotView create(Caller caller, UUID solutionId, PilotRequests.Plan plan) {
        caller.requirePlatformAdmin();
        Solution solution = Solution.forUpdate(solutionId).orElseThrow(() -> DomainProblemException.notFound("Solution", solutionId));
        if (solution.status == SolutionStatus.DECLINED || solution.status == SolutionStatus.RETIRED) {
            throw DomainProblemException.conflict("A " + solution.status + " solution gets no pilot");
        }
        if (Pilot.findById(solutionId) != null) {
            throw DomainProblemException.conflict("Solution " + solutionId + " already has a pilot; change its plan instead");
        }
        requireMilestonesInOrder(plan);
        Pilot pilot = new Pilot();
        pilot.solutionId = solutionId;
        pilot.startsOn = plan.startDate();
        pilot.createdBy = caller.subject();
        pilot.createdAt = clock.instant();
        pilot.persist();
        pilot.plan(plan.startDate(), milestones(plan));
        return PilotView.of(pilot);
    }

    public PilotView get(Caller caller, UUID solutionId) {
        access.requireRead(caller);
        return PilotView.of(require(solutionId, false));
    }

    @Transactional
    public PilotView replan(Caller caller, UUID solutionId, PilotRequests.Plan plan) {
        caller.requirePlatformAdmin();
        Pilot pilot = require(solutionId, true);
        requireMilestonesInOrder(plan);
        pilot.plan(plan.startDate(), milestones(plan));
        return PilotView.of(pilot);
    }

    @Transactional
    public PilotView addPartner(Caller caller, UUID solutionId, PilotRequests.Partner request) {
        caller.requirePlatformAdmin();
        Pilot pilot = require(solutionId, true);
        PilotPartner partner = new PilotPartner();
        partner.id = UUID.randomUUID();
        partner.solutionId = solutionId;
        partner.name = request.name().strip();
        partner.role = request.role();
        partner.persist();
        return PilotView.of(pilot);
    }

    @Transactional
    public PilotView removePartner(Caller caller, UUID solutionId, UUID partnerId) {
        caller.requirePlatformAdmin();
        Pilot pilot = require(solutionId, true);
        if (PilotPartner.delete("id = ?1 and solutionId = ?2", partnerId, solutionId) == 0) {
            throw DomainProblemException.notFound("Tech partner", partnerId);
        }
        return PilotView.of(pilot);
    }

    /** Adds the member municipality or changes its role; one LEAD per pilot (409 pilot-lead-taken). */
    @Transactional
    public PilotView setMunicipality(Caller caller, UUID solutionId, UUID municipalityId, PilotRequests.Municipality request) {
        caller.requirePlatformAdmin();
        Pilot pilot = require(solutionId, true);
        if (!members.isActive(municipalityId)) {
            throw DomainProblemException.unprocessable("Municipality " + municipalityId + " is not an active member",
                    "municipalityId");
        }
        PilotMunicipality member = PilotMunicipality.<PilotMunicipality>find("solutionId = ?1 and municipalityId = ?2",
                solutionId, municipalityId).firstResultOptional().orElseGet(() -> {
                    PilotMunicipality created = new PilotMunicipality();
                    created.solutionId = solutionId;
                    created.municipalityId = municipalityId;
                    return created;
                });
        member.role = request.role();
        try {
            member.persistAndFlush();
        } catch (PersistenceException e) {
            if (UniqueViolations.of(e, "pilot_one_lead")) {
                throw new DomainProblemException(LEAD_TAKEN, "Pilot of solution " + solutionId + " already has a lead municipality");
            }
            throw e;
        }
        return PilotView.of(pilot);
    }

    @Transactional
    public PilotView removeMunicipality(Caller caller, UUID solutionId, UUID municipalityId) {
        caller.requirePlatformAdmin();
        Pilot pilot = require(solutionId, true);
        if (PilotMunicipality.delete("solutionId = ?1 and municipalityId = ?2", solutionId, municipalityId) == 0) {
            throw DomainProblemException.notFound("Pilot municipality", municipalityId);
        }
        return PilotView.of(pilot);
    }

    @Transactional
    public PilotView addNote(Caller caller, UUID solutionId, PilotRequests.Note request) {
        caller.requirePlatformAdmin();
        Pilot pilot = require(solutionId, true);
        PilotNote note = new PilotNote();
        note.id = UUID.randomUUID();
        note.solutionId = solutionId;
        note.text = request.text().strip();
        note.author = caller.subject();
        note.writtenAt = clock.instant();
        note.persist();
        return PilotView.of(pilot);
    }

    private static List<PilotRequests.Milestone> milestones(PilotRequests.Plan plan) {
        return plan.milestones() == null ? List.of() : plan.milestones();
    }

    /** Milestones are due on or after the start, in the order given. */
    private static void requireMilestonesInOrder(PilotRequests.Plan plan) {
        List<FieldError> errors = new ArrayList<>();
        List<PilotRequests.Milestone> milestones = milestones(plan);
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i).dueDate().isBefore(plan.startDate())) {
                errors.add(new FieldError("milestones[" + i + "].dueDate", "is before the pilot's start " + plan.startDate()));
            } else if (i > 0 && milestones.get(i).dueDate().isBefore(milestones.get(i - 1).dueDate())) {
                errors.add(new FieldError("milestones[" + i + "].dueDate", "is before the previous milestone"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainProblemException(ProblemType.UNPROCESSABLE_CONTENT, "The plan has " + errors.size() + " error(s)", errors);
        }
    }

    private static Pilot require(UUID solutionId, boolean forUpdate) {
        return (forUpdate ? Pilot.forUpdate(solutionId) : Pilot.<Pilot>findByIdOptional(solutionId))
                .orElseThrow(() -> DomainProblemException.notFound("Pilot of solution", solutionId));
    }
}
