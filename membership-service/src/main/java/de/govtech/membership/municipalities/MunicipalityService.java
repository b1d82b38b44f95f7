package de.govtech.membership.municipalities;

import de.govtech.membership.shared.Caller;
import de.govtech.membership.shared.Conflicts;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.events.membership.MunicipalityUpdated;
import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.ProblemType;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creates, changes and lists municipalities; every change emits {@code municipality-updated}. */
@ApplicationScoped
public class MunicipalityService {

    static final ProblemType DUPLICATE_OFFICIAL_KEY =
            ProblemType.of("duplicate-official-key", "A municipality with this official key exists", 409);
    static final ProblemType MUNICIPALITY_EXISTS =
            ProblemType.of("municipality-exists", "The municipality exists already", 409);

    private final Outbox outbox;

    public MunicipalityService(Outbox outbox) {
        this.outbox = outbox;
    }

    public Page<MunicipalityView> list(Caller caller, int page, int size) {
        if (caller.isPlatformAdmin()) {
            var query = Municipality.<Municipality>findAll(Sort.by("name").and("id"));
            return new Page<>(query.page(page, size).list().stream().map(MunicipalityView::of).toList(),
                    page, size, query.count());
        }
        List<MunicipalityView> own = caller.municipalityId()
                .filter(caller::mayRead)
                .flatMap(id -> Municipality.<Municipality>findByIdOptional(id))
                .map(MunicipalityView::of).stream().toList();
        return new Page<>(page == 0 ? own : List.of(), page, size, own.size());
    }

    public MunicipalityView get(Caller caller, UUID id) {
        Municipality municipality = require(id);
        caller.requireRead(id);
        return MunicipalityView.of(municipality);
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
        municipality.createdAt = Instant.now();
        apply(municipality, request);
        persist(municipality, request.officialKey());
        return MunicipalityView.of(municipality);
    }

    @Transactional
    public void update(Caller caller, UUID id, MunicipalityRequest request) {
        Municipality municipality = require(id);
        caller.requireAdminister(id);
        validate(request);
        requireUnusedKey(request.officialKey(), id);
        apply(municipality, request);
        persist(municipality, request.officialKey());
    }

    private void persist(Municipality municipality, String officialKey) {
        try {
            municipality.persistAndFlush();
        } catch (OptimisticLockException e) {
            throw DomainProblemException.conflict("Municipality " + municipality.id + " was changed concurrently; read it again");
        } catch (PersistenceException e) {
            if (Conflicts.isUniqueViolation(e)) { // a concurrent request took the key or the id first
                throw duplicateKey(officialKey);
            }
            throw e;
        }
        outbox.append(new MunicipalityUpdated(municipality.id, municipality.officialKey, municipality.ars,
                municipality.name, municipality.type, municipality.land, municipality.population));
    }

    private static void apply(Municipality municipality, MunicipalityRequest request) {
        municipality.name = request.name().trim();
        municipality.type = request.type();
        municipality.land = request.land();
        municipality.population = request.population();
        municipality.officialKey = request.officialKey();
        municipality.ars = request.ars();
        municipality.contacts.clear();
        if (request.contacts() != null) {
            request.contacts().forEach(c -> municipality.contacts.add(new Contact(c.name().trim(), c.function(), c.email().trim())));
        }
        municipality.updatedAt = Instant.now();
    }

    private static void validate(MunicipalityRequest request) {
        List<FieldError> errors = OfficialKeys.check(request.type(), request.land(), request.officialKey(), request.ars());
        if (!errors.isEmpty()) {
            throw new DomainProblemException(ProblemType.VALIDATION_FAILED,
                    "The official key does not fit the municipality (" + errors.size() + " problem(s))", errors);
        }
    }

    private static void requireUnusedKey(String officialKey, UUID self) {
        Municipality.byOfficialKey(officialKey).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw duplicateKey(officialKey);
        });
    }

    private static DomainProblemException duplicateKey(String officialKey) {
        return new DomainProblemException(DUPLICATE_OFFICIAL_KEY,
                "A municipality with official key " + officialKey + " exists already", "officialKey");
    }

    static Municipality require(UUID id) {
        return Municipality.<Municipality>findByIdOptional(id)
                .orElseThrow(() -> DomainProblemException.notFound("Municipality", id));
    }
}
