package de.govtech.membership.fees;

import de.govtech.platform.support.security.Caller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;
import de.govtech.platform.support.time.PlatformClock;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads invoices and records payments and cancellations. A platform admin sees every invoice; a municipality admin
 * only those of the municipality in their token (another one's → 403).
 */
@ApplicationScoped
public class InvoiceService {

    static final ProblemType INVOICE_NOT_OPEN =
            ProblemType.of("invoice-not-open", "The invoice is not open (paid or cancelled already)", 409);

    private final Clock clock;

    public InvoiceService(Clock clock) {
        this.clock = clock;
    }

    /** Filters of the invoice list; null = any. */
    public record Filter(Integer year, InvoiceState state, UUID municipalityId) {
    }

    public Page<InvoiceView> list(Caller caller, Filter filter, PageRequest paging) {
        UUID municipality = filter.municipalityId();
        if (!caller.isPlatformAdmin()) {
            UUID own = caller.municipalityId().orElseThrow(() ->
                    DomainProblemException.forbidden("Your token names no municipality (claim municipality_id)"));
            if (municipality != null && !municipality.equals(own)) {
                throw DomainProblemException.forbidden("You may only read the invoices of your own municipality");
            }
            municipality = own;
        }
        LocalDate today = PlatformClock.today(clock);
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (municipality != null) {
            conditions.add("municipalityId = :municipality");
            parameters.and("municipality", municipality);
        }
        if (filter.year() != null) {
            conditions.add("year = :year");
            parameters.and("year", filter.year());
        }
        if (filter.state() != null) {
            switch (filter.state()) {
                case OPEN -> conditions.add("status = 'OPEN' and dueOn >= :today");
                case OVERDUE -> conditions.add("status = 'OPEN' and dueOn < :today");
                case PAID -> conditions.add("status = 'PAID'");
                case CANCELLED -> conditions.add("status = 'CANCELLED'");
            }
            if (filter.state() == InvoiceState.OPEN || filter.state() == InvoiceState.OVERDUE) {
                parameters.and("today", today);
            }
        }
        Sort order = Sort.descending("year").and("number");
        var query = conditions.isEmpty() ? FeeInvoice.<FeeInvoice>findAll(order)
                : FeeInvoice.<FeeInvoice>find(String.join(" and ", conditions), order, parameters);
        return new Page<>(query.page(paging.page, paging.size).list().stream().map(i -> InvoiceView.of(i, today)).toList(),
                paging.page, paging.size, query.count());
    }

    public InvoiceView get(Caller caller, UUID id) {
        FeeInvoice invoice = require(id, false);
        requireReadable(caller, invoice);
        return InvoiceView.of(invoice, PlatformClock.today(clock));
    }

    @Transactional
    public InvoiceView markPaid(UUID id, LocalDate paidOn) {
        LocalDate today = PlatformClock.today(clock);
        FeeInvoice invoice = requireOpen(id);
        LocalDate day = paidOn == null ? today : paidOn;
        if (day.isAfter(today)) {
            throw DomainProblemException.unprocessable("paidOn " + day + " lies in the future", "paidOn");
        }
        if (day.isBefore(invoice.issuedOn)) {
            throw DomainProblemException.unprocessable("paidOn " + day + " lies before the invoice was issued ("
                    + invoice.issuedOn + ")", "paidOn");
        }
        invoice.status = FeeInvoice.StoredStatus.PAID;
        invoice.paidOn = day;
        return InvoiceView.of(invoice, today);
    }

    @Transactional
    public InvoiceView cancel(UUID id, String reason) {
        FeeInvoice invoice = requireOpen(id);
        invoice.status = FeeInvoice.StoredStatus.CANCELLED;
        invoice.cancelledAt = clock.instant();
        invoice.cancelReason = reason;
        return InvoiceView.of(invoice, PlatformClock.today(clock));
    }

    private FeeInvoice requireOpen(UUID id) {
        FeeInvoice invoice = require(id, true);
        if (invoice.status != FeeInvoice.StoredStatus.OPEN) {
            throw new DomainProblemException(INVOICE_NOT_OPEN, "Invoice " + invoice.number + " is " + invoice.status
                    + " already");
        }
        return invoice;
    }

    private static void requireReadable(Caller caller, FeeInvoice invoice) {
        if (!caller.isPlatformAdmin() && !caller.actsFor(invoice.municipalityId)) {
            throw DomainProblemException.forbidden("You may only read the invoices of your own municipality");
        }
    }

    private static FeeInvoice require(UUID id, boolean lock) {
        FeeInvoice invoice = lock ? FeeInvoice.findById(id, LockModeType.PESSIMISTIC_WRITE) : FeeInvoice.findById(id);
        if (invoice == null) {
            throw DomainProblemException.notFound("Invoice", id);
        }
        return invoice;
    }
}
