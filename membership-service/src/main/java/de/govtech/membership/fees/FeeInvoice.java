package de.govtech.membership.fees;

import de.govtech.platform.events.membership.MunicipalityType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An invoice (Beitragsrechnung) of the yearly assessment: one per membership and year. */
@Entity
@Table(name = "fee_invoice")
public class FeeInvoice extends PanacheEntityBase {

    /** Stored states; OVERDUE is derived from OPEN and the due date ({@link InvoiceState}). */
    public enum StoredStatus { OPEN, PAID, CANCELLED }

    @Id
    public UUID id;

    @Column(name = "invoice_number", nullable = false, length = 24)
    public String number;

    @Column(name = "membership_id", nullable = false)
    public UUID membershipId;

    @Column(name = "municipality_id", nullable = false)
    public UUID municipalityId;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(name = "municipality_type", nullable = false, length = 32)
    public MunicipalityType municipalityType;

    @Column(nullable = false)
    public int population;

    @Column(nullable = false)
    public boolean founding;

    @Column(name = "band_from", nullable = false)
    public int bandFrom;

    @Column(name = "band_to")
    public Integer bandTo;

    @Column(name = "band_fee", nullable = false, precision = 12, scale = 2)
    public BigDecimal bandFee;

    @Column(name = "annual_fee", nullable = false, precision = 12, scale = 2)
    public BigDecimal annualFee;

    @Column(nullable = false)
    public int months;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(name = "population_reference_date")
    public LocalDate populationReferenceDate;

    @Column(name = "schedule_year", nullable = false)
    public int scheduleYear;

    @Column(name = "schedule_version", nullable = false, length = 40)
    public String scheduleVersion;

    @Column(name = "schedule_example", nullable = false)
    public boolean scheduleExample;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public StoredStatus status;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "paid_on")
    public LocalDate paidOn;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancel_reason", length = 1000)
    public String cancelReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
