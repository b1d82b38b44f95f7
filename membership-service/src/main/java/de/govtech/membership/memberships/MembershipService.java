package de.govtech.membership.memberships;

import de.govtech.membership.municipalities.Municipality;
import de.govtech.membership.municipalities.MunicipalityService;
import de.govtech.platform.support.security.Caller;
import de.govtech.platform.support.persistence.UniqueViolations;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MemberLeft;
import de.govtech.platform.events.membership.MemberReinstated;
import de.govtech.platform.events.membership.MemberSuspended;
import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;
import de.govtech.platform.support.time.PlatformClock;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The membership lifecycle. Every transition locks the membership row ({@code SELECT … FOR UPDATE}), checks the
 * state machine, records the history entry and appends its event in the same transaction — so two admins acting
 * at the same moment get one transition and one event; the other gets 409.
 */
@ApplicationScoped
public class MembershipService {

    static final ProblemType MUNICIPALITY_UNVERIFIED =
            ProblemType.of("municipality-unverified", "The municipality is not verified by the association", 409);
    static final ProblemType OPEN_MEMBERSHIP_EXISTS =
            ProblemType.of("membership-exists", "The municipality has an open application or membership", 409);

    private final Outbox outbox;
    private final MembershipConfig config;
    private final Clock clock;

    public MembershipService(Outbox outbox, MembershipConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public MembershipView apply(Caller caller, MembershipRequests.Application request) {
        UUID municipalityId = request.municipalityId();
        caller.requireAdminister(municipalityId);
        Municipality municipality = Municipality.findById(municipalityId);
        if (municipality == null) {
            throw DomainProblemException.unprocessable("Municipality " + municipalityId
                    + " is not registered; register it first (POST /municipalities)", "municipalityId");
        }
        MunicipalityService.requireNotRejected(municipality);
        if (!config.statutesVersion().equals(request.statutesVersion().trim())) {
            throw DomainProblemException.unprocessable("The current statutes are version " + config.statutesVersion()
                    + "; an application accepts those, not " + request.statutesVersion(), "statutesVersion");
        }
        if (Membership.count("municipalityId = ?1 and status not in ?2", municipalityId,
                List.of(MembershipStatus.ENDED, MembershipStatus.REJECTED)) > 0) {
            throw openMembershipExists(municipalityId);
        }
        Membership membership = new Membership();
        membership.id = UUID.randomUUID();
        membership.municipalityId = municipalityId;
        membership.status = MembershipStateMachine.next(null, MembershipAction.APPLY);
        membership.founding = false;
        membership.statutesVersion = config.statutesVersion();
        membership.appliedAt = clock.instant();
        try {
            membership.persistAndFlush();
        } catch (PersistenceException e) {
            if (UniqueViolations.of(e, "membership_open_per_municipality_uq")) { // a concurrent application for the same municipality
                throw openMembershipExists(municipalityId);
            }
            throw e;
        }
        MembershipTransition.record(membership.id, null, membership.status, caller.subject(), membership.appliedAt, null);
        return MembershipView.of(membership);
    }

    public Page<MembershipView> list(Caller caller, UUID municipalityFilter, int page, int size) {
        PanacheQuery<Membership> query;
        Sort order = Sort.by("appliedAt").and("id");
        if (caller.isPlatformAdmin()) {
            query = municipalityFilter == null ? Membership.findAll(order)
                    : Membership.find("municipalityId", order, municipalityFilter);
        } else {
            Optional<UUID> own = caller.municipalityId().filter(caller::mayRead)
                    .filter(id -> municipalityFilter == null || municipalityFilter.equals(id));
            if (own.isEmpty()) {
                return new Page<>(List.of(), page, size, 0);
            }
            query = Membership.find("municipalityId", order, own.get());
        }
        return new Page<>(query.page(page, size).list().stream().map(MembershipView::of).toList(), page, size, query.count());
    }

    public MembershipView get(Caller caller, UUID id) {
        Membership membership = require(id, false);
        caller.requireRead(membership.municipalityId);
        return MembershipView.of(membership);
    }

    public List<TransitionView> history(Caller caller, UUID id) {
        Membership membership = require(id, false);
        caller.requireRead(membership.municipalityId);
        return MembershipTransition.of(id).stream().map(TransitionView::of).toList();
    }

    @Transactional
    public MembershipView admit(Caller caller, UUID id) {
        Municipality m = Municipality.findById(require(id, true).municipalityId);
        if (!m.isVerified()) {
            throw new DomainProblemException(MUNICIPALITY_UNVERIFIED, "Municipality " + m.id + " is " + m.verification
                    + "; a platform admin verifies it (POST /municipalities/" + m.id + "/verify) before admission");
        }
        Membership membership = transition(caller, id, MembershipAction.ADMIT, null);
        membership.joinedOn = PlatformClock.today(clock);
        outbox.append(new MemberJoined(m.id, m.officialKey, m.ars, m.name, m.type, m.land, m.population,
                membership.founding, membership.joinedOn));
        return MembershipView.of(membership);
    }

    @Transactional
    public MembershipView reject(Caller caller, UUID id, String reason) {
        return MembershipView.of(transition(caller, id, MembershipAction.REJECT, reason));
    }

    @Transactional
    public MembershipView suspend(Caller caller, UUID id, String reason) {
        Membership membership = transition(caller, id, MembershipAction.SUSPEND, reason);
        outbox.append(new MemberSuspended(membership.municipalityId, clock.instant(), reason));
        return MembershipView.of(membership);
    }

    @Transactional
    public MembershipView reinstate(Caller caller, UUID id, String reason) {
        Membership membership = transition(caller, id, MembershipAction.REINSTATE, reason);
        outbox.append(new MemberReinstated(membership.municipalityId, clock.instant(), reason));
        return MembershipView.of(membership);
    }

    /** Notice by the municipality's own admin or a platform admin; the last day follows {@link NoticeRule}. */
    @Transactional
    public MembershipView giveNotice(Caller caller, UUID id, String reason) {
        Membership membership = transition(caller, id, MembershipAction.GIVE_NOTICE, reason);
        membership.noticeGivenOn = PlatformClock.today(clock);
        membership.leavesOn = new NoticeRule(config.noticePeriod()).lastDayOfMembership(membership.noticeGivenOn);
        return MembershipView.of(membership);
    }

    /** Ends every membership whose last day has passed, each in its own transaction; returns their ids. */
    public EndedMemberships endDue(Caller caller) {
        LocalDate today = PlatformClock.today(clock);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Membership.<Membership>list(
                "status = ?1 and leavesOn < ?2 order by leavesOn, id", MembershipStatus.NOTICE_GIVEN, today)
                .stream().map(m -> m.id).toList());
        List<UUID> ended = new ArrayList<>();
        for (UUID id : due) {
            if (QuarkusTransaction.requiringNew().call(() -> endIfDue(caller, id, today))) {
                ended.add(id);
            }
        }
        return new EndedMemberships(ended);
    }

    private boolean endIfDue(Caller caller, UUID id, LocalDate today) {
        Membership membership = Membership.findById(id, LockModeType.PESSIMISTIC_WRITE);
        NoticeRule rule = new NoticeRule(config.noticePeriod());
        if (membership == null || membership.status != MembershipStatus.NOTICE_GIVEN
                || !rule.isDue(membership.leavesOn, today)) {
            return false; // another instance ended it meanwhile
        }
        String noticeReason = MembershipTransition.of(id).stream()
                .filter(t -> t.toStatus == MembershipStatus.NOTICE_GIVEN).reduce((a, b) -> b)
                .map(t -> t.reason).orElse(null);
        transition(caller, id, MembershipAction.END, noticeReason);
        membership.endedOn = today;
        outbox.append(new MemberLeft(membership.municipalityId, membership.leavesOn, noticeReason));
        return true;
    }

    private Membership transition(Caller caller, UUID id, MembershipAction action, String reason) {
        Membership membership = require(id, true);
        if (action == MembershipAction.GIVE_NOTICE) {
            caller.requireAdminister(membership.municipalityId);
        }
        MembershipStatus from = membership.status;
        membership.status = MembershipStateMachine.next(from, action);
        MembershipTransition.record(id, from, membership.status, caller.subject(), clock.instant(), reason);
        return membership;
    }

    private static Membership require(UUID id, boolean lock) {
        Membership membership = lock ? Membership.findById(id, LockModeType.PESSIMISTIC_WRITE) : Membership.findById(id);
        if (membership == null) {
            throw DomainProblemException.notFound("Membership", id);
        }
        return membership;
    }

    private static DomainProblemException openMembershipExists(UUID municipalityId) {
        return new DomainProblemException(OPEN_MEMBERSHIP_EXISTS,
                "Municipality " + municipalityId + " has an open application or membership already", "municipalityId");
    }
}
