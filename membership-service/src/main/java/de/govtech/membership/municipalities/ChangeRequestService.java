package de.govtech.membership.municipalities;

import de.govtech.platform.support.security.Caller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.problem.DomainProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * Change requests of fee-relevant master data: read by the municipality's own admins and staff and by platform
 * admins; decided by platform admins. Acceptance applies the values, records the population figure and emits
 * {@code municipality-updated} in the same transaction.
 */
@ApplicationScoped
public class ChangeRequestService {

    private final MunicipalityService municipalities;
    private final Clock clock;

    public ChangeRequestService(MunicipalityService municipalities, Clock clock) {
        this.municipalities = municipalities;
        this.clock = clock;
    }

    public Page<MunicipalityChangeRequestView> ofMunicipality(Caller caller, UUID municipalityId, int page, int size) {
        MunicipalityService.require(municipalityId);
        caller.requireRead(municipalityId);
        return page(MunicipalityChangeRequest.find("municipalityId", Sort.descending("requestedAt").and("id"), municipalityId),
                page, size);
    }

    /** Platform admins only (the resource checks the role). */
    public Page<MunicipalityChangeRequestView> list(ChangeRequestStatus status, int page, int size) {
        Sort order = Sort.by("requestedAt").and("id");
        return page(status == null ? MunicipalityChangeRequest.findAll(order) : MunicipalityChangeRequest.find("status", order, status),
                page, size);
    }

    public MunicipalityChangeRequestView get(Caller caller, UUID id) {
        MunicipalityChangeRequest request = require(id, false);
        caller.requireRead(request.municipalityId);
        return MunicipalityChangeRequestView.of(request);
    }

    @Transactional
    public MunicipalityChangeRequestView accept(Caller caller, UUID id) {
        MunicipalityChangeRequest request = require(id, true);
        Municipality municipality = Municipality.findById(request.municipalityId, LockModeType.PESSIMISTIC_WRITE);
        MunicipalityService.requireNotRejected(municipality);
        MunicipalityService.requireUnusedKey(request.newOfficialKey, municipality.id);
        Integer before = municipality.population;
        request.accept(municipality, caller.subject(), clock.instant());
        municipalities.recordPopulation(municipality, before, request.populationAsOf, "change request " + request.id,
                caller.subject());
        municipalities.persist(municipality, municipality.officialKey);
        return MunicipalityChangeRequestView.of(request);
    }

    @Transactional
    public MunicipalityChangeRequestView reject(Caller caller, UUID id, String reason) {
        MunicipalityChangeRequest request = require(id, true);
        request.reject(reason, caller.subject(), clock.instant());
        return MunicipalityChangeRequestView.of(request);
    }

    private static Page<MunicipalityChangeRequestView> page(PanacheQuery<MunicipalityChangeRequest> query, int page, int size) {
        return new Page<>(query.page(page, size).list().stream().map(MunicipalityChangeRequestView::of).toList(),
                page, size, query.count());
    }

    private static MunicipalityChangeRequest require(UUID id, boolean lock) {
        MunicipalityChangeRequest request = lock ? MunicipalityChangeRequest.findById(id, LockModeType.PESSIMISTIC_WRITE)
                : MunicipalityChangeRequest.findById(id);
        if (request == null) {
            throw DomainProblemException.notFound("Municipality change request", id);
        }
        return request;
    }
}
