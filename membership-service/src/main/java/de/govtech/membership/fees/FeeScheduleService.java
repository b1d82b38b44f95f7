package de.govtech.membership.fees;

import de.govtech.platform.support.security.Caller;
import de.govtech.platform.support.persistence.UniqueViolations;
import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.ProblemType;
import de.govtech.platform.support.time.PlatformClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Stores, reads and applies fee schedules: the one in force for a year is the latest valid from that year or earlier. */
@ApplicationScoped
public class FeeScheduleService {

    static final ProblemType NO_SCHEDULE = ProblemType.of("no-fee-schedule", "No fee schedule applies to the year", 422);

    private final Clock clock;

    public FeeScheduleService(Clock clock) {
        this.clock = clock;
    }

    /** The result of storing a schedule: whether it was new, and the schedule as stored. */
    public record Stored(boolean created, FeeScheduleView schedule) {
    }

    public Optional<FeeSchedule> inForce(int year) {
        FeeScheduleRow row = FeeScheduleRow.<FeeScheduleRow>find("validFromYear <= ?1", Sort.descending("validFromYear"), year)
                .firstResult();
        return Optional.ofNullable(row).map(FeeScheduleService::load);
    }

    public FeeSchedule requireInForce(int year) {
        return inForce(year).orElseThrow(() -> new DomainProblemException(NO_SCHEDULE,
                "No fee schedule is valid in " + year + "; the earliest schedule starts later", "year"));
    }

    public FeeQuote quote(MunicipalityType type, int population, Integer year) {
        int quotedYear = year == null ? PlatformClock.today(clock).getYear() : year;
        FeeSchedule schedule = requireInForce(quotedYear);
        FeeScale scale = schedule.scaleFor(type).orElseThrow(() -> DomainProblemException.unprocessable(
                "The fee schedule " + schedule.version() + " has no scale for " + type, "type"));
        FeeScale.FeeCalculation fee = scale.annualFee(population, false);
        return new FeeQuote(type, population, quotedYear, fee.annualFee(), "EUR", FeeScheduleView.Band.of(fee.band()),
                schedule.validFromYear(), schedule.version(), schedule.example());
    }

    public FeeScheduleView get(int validFromYear) {
        FeeScheduleRow row = FeeScheduleRow.findById(validFromYear);
        if (row == null) {
            throw DomainProblemException.notFound("Fee schedule valid from", validFromYear);
        }
        return FeeScheduleView.of(load(row), row.updatedAt, row.updatedBy);
    }

    public Page<FeeScheduleSummary> list(PageRequest paging) {
        var query = FeeScheduleRow.<FeeScheduleRow>findAll(Sort.descending("validFromYear"));
        return new Page<>(query.page(paging.page, paging.size).list().stream().map(FeeScheduleSummary::of).toList(),
                paging.page, paging.size, query.count());
    }

    /**
     * Creates or replaces the schedule valid from {@code validFromYear}: all of it or nothing. Invoices already
     * issued keep the amounts, band and version they were computed with.
     */
    @Transactional
    public Stored replace(Caller caller, int validFromYear, FeeScheduleRequest request) {
        List<FieldError> errors = FeeScheduleRules.check(request);
        if (!errors.isEmpty()) {
            throw new DomainProblemException(ProblemType.UNPROCESSABLE_CONTENT,
                    "The fee schedule is inconsistent (" + errors.size() + " problem(s))", errors);
        }
        FeeSchedule schedule = FeeScheduleRules.toSchedule(validFromYear, request);
        if (!schedule.populationReferenceDate().isBefore(LocalDate.of(validFromYear, 1, 1))) {
            throw DomainProblemException.unprocessable("The population reference date must lie before the schedule's first day, "
                    + validFromYear + "-01-01", "populationReferenceDate");
        }
        FeeScheduleRow row = FeeScheduleRow.findById(validFromYear, LockModeType.PESSIMISTIC_WRITE);
        boolean created = row == null;
        if (created) {
            row = new FeeScheduleRow();
            row.validFromYear = validFromYear;
        } else {
            FeeScaleRow.delete("validFromYear", validFromYear); // its bands go with it (on delete cascade)
        }
        row.versionLabel = schedule.version();
        row.example = schedule.example();
        row.description = schedule.description();
        row.populationReferenceDate = schedule.populationReferenceDate();
        row.updatedAt = clock.instant();
        row.updatedBy = caller.subject();
        try {
            row.persistAndFlush();
        } catch (PersistenceException e) {
            if (UniqueViolations.of(e, "fee_schedule_pkey")) { // another admin created this year's schedule at the same moment
                throw DomainProblemException.conflict("The fee schedule of " + validFromYear + " was created concurrently; retry");
            }
            throw e;
        }
        for (FeeScale scale : schedule.scales()) {
            FeeScaleRow scaleRow = new FeeScaleRow();
            scaleRow.validFromYear = validFromYear;
            scaleRow.type = scale.type();
            scaleRow.minimumFee = scale.minimumFee();
            scaleRow.maximumFee = scale.maximumFee();
            scaleRow.foundingDiscountPercent = scale.foundingMemberDiscountPercent();
            scaleRow.persist();
            for (FeeBand band : scale.bands()) {
                FeeBandRow bandRow = new FeeBandRow();
                bandRow.scaleId = scaleRow.id;
                bandRow.fromPopulation = band.fromPopulation();
                bandRow.toPopulation = band.toPopulation();
                bandRow.annualFee = band.annualFee();
                bandRow.persist();
            }
        }
        return new Stored(created, FeeScheduleView.of(load(row), row.updatedAt, row.updatedBy));
    }

    static FeeSchedule load(FeeScheduleRow row) {
        List<FeeScaleRow> scaleRows = FeeScaleRow.list("validFromYear", row.validFromYear);
        Map<Long, List<FeeBand>> bands = scaleRows.isEmpty() ? Map.of()
                : FeeBandRow.<FeeBandRow>list("scaleId in ?1", Sort.by("fromPopulation"), scaleRows.stream().map(s -> s.id).toList())
                .stream().collect(Collectors.groupingBy(b -> b.scaleId,
                        Collectors.mapping(b -> new FeeBand(b.fromPopulation, b.toPopulation, b.annualFee), Collectors.toList())));
        List<FeeScale> scales = scaleRows.stream().sorted(Comparator.comparing(s -> s.type))
                .map(s -> new FeeScale(s.type, s.minimumFee, s.maximumFee, s.foundingDiscountPercent,
                        bands.getOrDefault(s.id, List.of())))
                .toList();
        return new FeeSchedule(row.validFromYear, row.versionLabel, row.example, row.description, row.populationReferenceDate, scales);
    }
}
