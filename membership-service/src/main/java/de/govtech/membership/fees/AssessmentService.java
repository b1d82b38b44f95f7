package de.govtech.membership.fees;

import de.govtech.membership.memberships.Membership;
import de.govtech.membership.memberships.MembershipConfig;
import de.govtech.membership.municipalities.Municipality;
import de.govtech.membership.municipalities.MunicipalityPopulation;
import de.govtech.platform.support.persistence.UniqueViolations;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.time.PlatformClock;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The yearly assessment (Beitragsveranlagung): one invoice per membership that covered a whole calendar month of
 * the year ({@link ProRata}), computed with the schedule in force for the year and the municipality's population
 * figure valid at the schedule's reference date (Stichtag); a member without one is skipped, never invoiced at zero. Each invoice is written in its own transaction; the unique constraint on
 * (membership, year) makes a repeated or concurrent run create nothing twice.
 */
@ApplicationScoped
public class AssessmentService {

    private final FeeScheduleService schedules;
    private final Clock clock;
    private final MembershipConfig config;

    public AssessmentService(FeeScheduleService schedules, Clock clock, MembershipConfig config) {
        this.schedules = schedules;
        this.clock = clock;
        this.config = config;
    }

    /** A membership as the assessment needs it. */
    private record Candidate(UUID membershipId, UUID municipalityId, boolean founding, LocalDate joinedOn, LocalDate lastDay) {
    }

    private sealed interface Outcome {
        record Created(UUID invoiceId) implements Outcome {
        }

        record Exists() implements Outcome {
        }

        record Skip(AssessmentResult.SkipReason reason) implements Outcome {
        }
    }

    public AssessmentResult assess(int year) {
        LocalDate today = PlatformClock.today(clock);
        if (year > today.getYear() + 1) {
            throw DomainProblemException.unprocessable("A year can be assessed from the year before it; "
                    + year + " is too far ahead", "year");
        }
        FeeSchedule schedule = QuarkusTransaction.requiringNew().call(() -> schedules.requireInForce(year));
        List<Candidate> candidates = QuarkusTransaction.requiringNew().call(() -> Membership.<Membership>list(
                "joinedOn is not null and joinedOn <= ?1 and (leavesOn is null or leavesOn >= ?2) order by joinedOn, id",
                LocalDate.of(year, 12, 31), LocalDate.of(year, 1, 1)).stream()
                .map(m -> new Candidate(m.id, m.municipalityId, m.founding, m.joinedOn, m.leavesOn)).toList());
        List<UUID> created = new ArrayList<>();
        List<AssessmentResult.Skipped> skipped = new ArrayList<>();
        int existing = 0;
        for (Candidate candidate : candidates) {
            Outcome outcome = assessOne(candidate, year, schedule, today);
            if (outcome instanceof Outcome.Created c) {
                created.add(c.invoiceId());
            } else if (outcome instanceof Outcome.Skip s) {
                skipped.add(new AssessmentResult.Skipped(candidate.membershipId(), candidate.municipalityId(), s.reason()));
            } else {
                existing++;
            }
        }
        return new AssessmentResult(year, schedule.validFromYear(), schedule.version(), schedule.example(), created,
                existing, skipped);
    }

    private Outcome assessOne(Candidate candidate, int year, FeeSchedule schedule, LocalDate today) {
        int months = ProRata.chargeableMonths(candidate.joinedOn(), candidate.lastDay(), year);
        if (months == 0) {
            return new Outcome.Skip(AssessmentResult.SkipReason.NO_CHARGEABLE_MONTH);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> writeInvoice(candidate, year, months, schedule, today));
        } catch (RuntimeException e) {
            if (UniqueViolations.of(e, "fee_invoice_membership_year_uq")) { // a concurrent run wrote this invoice first
                return new Outcome.Exists();
            }
            throw e;
        }
    }

    private Outcome writeInvoice(Candidate candidate, int year, int months, FeeSchedule schedule, LocalDate today) {
        if (FeeInvoice.count("membershipId = ?1 and year = ?2", candidate.membershipId(), year) > 0) {
            return new Outcome.Exists();
        }
        Municipality municipality = Municipality.findById(candidate.municipalityId());
        Optional<Integer> population = MunicipalityPopulation.at(municipality.id, schedule.populationReferenceDate());
        if (population.isEmpty()) {
            return new Outcome.Skip(AssessmentResult.SkipReason.POPULATION_MISSING);
        }
        FeeScale scale = schedule.scaleFor(municipality.type).orElseThrow(() -> new IllegalStateException(
                "schedule " + schedule.version() + " lacks a scale for " + municipality.type));
        FeeScale.FeeCalculation fee = scale.annualFee(population.get(), candidate.founding());

        FeeInvoice invoice = new FeeInvoice();
        invoice.id = UUID.randomUUID();
        invoice.number = "GK-" + year + "-" + String.format("%06d", nextInvoiceNumber());
        invoice.membershipId = candidate.membershipId();
        invoice.municipalityId = municipality.id;
        invoice.year = year;
        invoice.municipalityType = municipality.type;
        invoice.population = population.get();
        invoice.populationReferenceDate = schedule.populationReferenceDate();
        invoice.founding = candidate.founding();
        invoice.bandFrom = fee.band().fromPopulation();
        invoice.bandTo = fee.band().toPopulation();
        invoice.bandFee = fee.band().annualFee();
        invoice.annualFee = fee.annualFee();
        invoice.months = months;
        invoice.amount = ProRata.amount(fee.annualFee(), months);
        invoice.scheduleYear = schedule.validFromYear();
        invoice.scheduleVersion = schedule.version();
        invoice.scheduleExample = schedule.example();
        invoice.status = FeeInvoice.StoredStatus.OPEN;
        invoice.issuedOn = today;
        invoice.dueOn = today.plus(config.feePaymentTerm());
        invoice.createdAt = clock.instant();
        invoice.persistAndFlush();
        return new Outcome.Created(invoice.id);
    }

    private static long nextInvoiceNumber() {
        return ((Number) Panache.getEntityManager().createNativeQuery("select nextval('fee_invoice_number_seq')")
                .getSingleResult()).longValue();
    }

    public AssessmentSummary summary(int year) {
        LocalDate today = PlatformClock.today(clock);
        List<FeeInvoice> invoices = FeeInvoice.list("year", year);
        long open = 0;
        long overdue = 0;
        long paid = 0;
        long cancelled = 0;
        var total = Money.ZERO;
        var paidAmount = Money.ZERO;
        for (FeeInvoice invoice : invoices) {
            switch (InvoiceState.of(invoice.status, invoice.dueOn, today)) {
                case OPEN -> open++;
                case OVERDUE -> overdue++;
                case PAID -> {
                    paid++;
                    paidAmount = paidAmount.add(invoice.amount);
                }
                case CANCELLED -> cancelled++;
            }
            if (invoice.status != FeeInvoice.StoredStatus.CANCELLED) {
                total = total.add(invoice.amount);
            }
        }
        return new AssessmentSummary(year, invoices.size(), open, overdue, paid, cancelled, total, paidAmount, "EUR");
    }
}
