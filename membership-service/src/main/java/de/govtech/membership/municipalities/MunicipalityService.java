package de.govtech.membership.municipalities;

import de.govtech.platform.support.security.Caller;
import de.govtech.platform.support.persistence.UniqueViolations;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.events.membership.MunicipalityRejected;
import de.govtech.platform.events.membership.MunicipalityUpdated;
import de.govtech.platform.events.membership.MunicipalityVerified;
import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.ProblemType;
import de.govtech.platform.support.time.PlatformClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates, changes and lists municipalities; every change emits {@code municipality-updated}. */
@ApplicationScoped
public class MunicipalityService {

    static final ProblemType DUPLICATE_OFFICIAL_KEY =
            ProblemType.of("duplicate-official-key", "A municipality with this official key exists", 409);
    static final ProblemType MUNICIPALITY_EXISTS =
            ProblemType.of("municipality-exists", "The municipality exists already", 409);

    static final ProblemType CHANGE_REQUEST_PENDING =
            ProblemType.of("change-request-pending", "A change request of the municipality is pending", 409);
    static final ProblemType MUNICIPALITY_REJECTED =
            ProblemType.of("municipality-rejected", "The municipality was rejected by the association", 409);

    private final Outbox outbox;
    private final Clock clock;

    public MunicipalityService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Page<MunicipalityView> list(Caller caller, Verification verification, int page, int size) {
        if (caller.isPlatformAdmin()) {
            Sort order = Sort.by("name").and("id");
            var query = verification == null ? Municipality.<Municipality>findAll(order)
                    : Municipality.<Municipality>find("verification", order, verification);
            return new Page<>(query.page(page, size).list().stream().map(MunicipalityView::of).toList(),
                    page, size, query.count());
        }
        List<MunicipalityView> own = caller.municipalityId()
                .filter(caller::mayRead)
                .flatMap(id -> Municipality.<Municipality>findByIdOptional(id))
                .filter(m -> verification == null || m.verification == verification)
                .map(MunicipalityView::of).stream().toList();
        return new Page<>(page == 0 ? own : List.of(), page, size, own.size());
    }

    public MunicipalityView get(Caller caller, UUID id) {
        Municipality municipality = require(id);
        caller.requireRead(id);
        return MunicipalityView.of(municipality);
    }

    /** The municipality's population figures, latest reference date first. */
    public Page<PopulationFigureView> populations(Caller caller, UUID id, int page, int size) {
        require(id);
        caller.requireRead(id);
        var query = MunicipalityPopulation.<MunicipalityPopulation>find("municipalityId",
                Sort.descending("validFrom").and("id", Sort.Direction.Descending), id);
        return new Page<>(query.page(page, size).list().stream().map(PopulationFigureView::of).toList(), page, size, query.count());
    }

    /**
     * A platform admin creates any municipality (its id derives from the official key); a municipality admin
     * creates the municipality of their own {@code municipality_id} claim, which becomes its id.
     */
    @Transactional
    public MunicipalityView create(Caller caller, MunicipalityRequest request) {
        validate(request);
        UUID id = caller.isPlatformAdmin()
                ? OfficialKeys.municipalityId(request.officialKey())
                : caller.municipalityId().orElseThrow(() -> DomainProblemException.forbidden(
                        "Your token names no municipality (claim municipality_id) to create"));
        requireUnusedKey(request.officialKey(), null);
        if (Municipality.findById(id) != null) {
            throw new DomainProblemException(MUNICIPALITY_EXISTS, "Municipality " + id + " exists already");
        }
        Municipality municipality = new Municipality();
        municipality.id = id;
        municipality.createdAt = clock.instant();
        if (caller.isPlatformAdmin()) {
            municipality.verify(caller.subject(), municipality.createdAt);
        }
        applyMasterData(municipality, request);
        FeeRelevantData.of(request).applyTo(municipality);
        persist(municipality, request.officialKey());
        recordPopulation(municipality, null, request.populationAsOf(), "registration", caller.subject());
        return MunicipalityView.of(municipality);
    }

    /**
     * Platform admins only (the resource checks the role): UNVERIFIED → VERIFIED with municipality-verified in the
     * same transaction; a verified one stays so and emits nothing.
     */
    @Transactional
    public MunicipalityView verify(Caller caller, UUID id) {
        Municipality municipality = requireForUpdate(id);
        Instant now = clock.instant();
        if (municipality.verify(caller.subject(), now)) {
            outbox.append(new MunicipalityVerified(municipality.id, municipality.officialKey, municipality.name, now));
        }
        return MunicipalityView.of(municipality);
    }

    /**
     * Platform admins only: UNVERIFIED → REJECTED, which frees the official key for the real municipality;
     * municipality-rejected in the same transaction.
     */
    @Transactional
    public MunicipalityView reject(Caller caller, UUID id, String reason) {
        Municipality municipality = requireForUpdate(id);
        Instant now = clock.instant();
        municipality.reject(reason, caller.subject(), now);
        outbox.append(new MunicipalityRejected(municipality.id, municipality.officialKey, municipality.name, reason, now));
        return MunicipalityView.of(municipality);
    }

    /**
     * A platform admin's change applies in full. A municipality admin's applies to name, contacts (and the ARS when
     * nothing fee-relevant changes); a change of population, type, official key or Land becomes a change request,
     * returned here.
     */
    @Transactional
    public Optional<MunicipalityChangeRequestView> update(Caller caller, UUID id, MunicipalityRequest request) {
        Municipality municipality = require(id);
        caller.requireAdminister(id);
        requireNotRejected(municipality);
        validate(request);
        FeeRelevantData proposed = FeeRelevantData.of(request);
        boolean newFigure = request.population() != null && request.populationAsOf() != null
                && !MunicipalityPopulation.exists(id, request.population(), request.populationAsOf());
        boolean feeRelevant = newFigure || !FeeRelevantData.of(municipality).feeChanges(proposed).isEmpty();
        if (caller.isPlatformAdmin() || !feeRelevant) {
            requireUnusedKey(request.officialKey(), id);
            Integer before = municipality.population;
            applyMasterData(municipality, request);
            proposed.applyTo(municipality);
            recordPopulation(municipality, before, request.populationAsOf(), "master data", caller.subject());
            persist(municipality, request.officialKey());
            return Optional.empty();
        }
        if (!proposed.officialKey().equals(municipality.officialKey)) {
            requireUnusedKey(proposed.officialKey(), id);
        }
        applyMasterData(municipality, request);
        persist(municipality, municipality.officialKey);
        return Optional.of(MunicipalityChangeRequestView.of(openChangeRequest(caller, municipality, proposed, request.populationAsOf())));
    }

    private MunicipalityChangeRequest openChangeRequest(Caller caller, Municipality municipality, FeeRelevantData proposed,
                                                        LocalDate populationAsOf) {
        Optional<MunicipalityChangeRequest> pending = MunicipalityChangeRequest.<MunicipalityChangeRequest>find(
                "municipalityId = ?1 and status = ?2", municipality.id, ChangeRequestStatus.PENDING).firstResultOptional();
        if (pending.isPresent()) {
            if (pending.get().proposes(proposed, populationAsOf)) {
                return pending.get();
            }
            throw pendingExists(municipality.id);
        }
        MunicipalityChangeRequest changeRequest =
                MunicipalityChangeRequest.open(municipality, proposed, populationAsOf, caller.subject(), clock.instant());
        try {
            changeRequest.persistAndFlush();
        } catch (PersistenceException e) {
            if (UniqueViolations.of(e, "municipality_change_request_pending_uq")) {
                throw pendingExists(municipality.id);
            }
            throw e;
        }
        return changeRequest;
    }

    private static DomainProblemException pendingExists(UUID municipalityId) {
        return new DomainProblemException(CHANGE_REQUEST_PENDING, "Municipality " + municipalityId
                + " has a pending change request with other values; wait for the association's decision");
    }

    /** Adds the municipality's current population to its history when it is a new figure. */
    void recordPopulation(Municipality municipality, Integer before, LocalDate asOf, String source, String actor) {
        if (municipality.population == null || (municipality.population.equals(before) && asOf == null)) {
            return;
        }
        LocalDate validFrom = asOf == null ? PlatformClock.today(clock) : asOf;
        if (!MunicipalityPopulation.exists(municipality.id, municipality.population, validFrom)) {
            MunicipalityPopulation.record(municipality.id, municipality.population, validFrom, source, actor, clock.instant());
        }
    }

    void persist(Municipality municipality, String officialKey) {
        try {
            municipality.persistAndFlush();
        } catch (OptimisticLockException e) {
            throw DomainProblemException.conflict("Municipality " + municipality.id + " was changed concurrently; read it again");
        } catch (PersistenceException e) {
            // a concurrent request took the key or the id first
            if (UniqueViolations.of(e, "municipality_official_key_uq") || UniqueViolations.of(e, "municipality_pkey")) {
                throw duplicateKey(officialKey);
            }
            throw e;
        }
        outbox.append(new MunicipalityUpdated(municipality.id, municipality.officialKey, municipality.ars,
                municipality.name, municipality.type, municipality.land, municipality.population));
    }

    /** Name and contacts: what a municipality admin changes directly. */
    private void applyMasterData(Municipality municipality, MunicipalityRequest request) {
        municipality.name = request.name().trim();
        municipality.contacts.clear();
        if (request.contacts() != null) {
            request.contacts().forEach(c -> municipality.contacts.add(new Contact(c.name().trim(), c.function(), c.email().trim())));
        }
        municipality.updatedAt = clock.instant();
    }

    private static void validate(MunicipalityRequest request) {
        List<FieldError> errors = OfficialKeys.check(request.type(), request.land(), request.officialKey(), request.ars());
        if (!errors.isEmpty()) {
            throw new DomainProblemException(ProblemType.VALIDATION_FAILED,
                    "The official key does not fit the municipality (" + errors.size() + " problem(s))", errors);
        }
    }

    static void requireUnusedKey(String officialKey, UUID self) {
        Municipality.byOfficialKey(officialKey).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw duplicateKey(officialKey);
        });
    }

    private static DomainProblemException duplicateKey(String officialKey) {
        return new DomainProblemException(DUPLICATE_OFFICIAL_KEY,
                "A municipality with official key " + officialKey + " exists already", "officialKey");
    }

    /** A rejected municipality can neither be changed nor apply. */
    public static void requireNotRejected(Municipality municipality) {
        if (municipality.verification == Verification.REJECTED) {
            throw new DomainProblemException(MUNICIPALITY_REJECTED, "Municipality " + municipality.id
                    + " was rejected by the association: " + municipality.rejectionReason);
        }
    }

    private static Municipality requireForUpdate(UUID id) {
        return Municipality.<Municipality>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> DomainProblemException.notFound("Municipality", id));
    }

    static Municipality require(UUID id) {
        return Municipality.<Municipality>findByIdOptional(id)
                .orElseThrow(() -> DomainProblemException.notFound("Municipality", id));
    }
}
