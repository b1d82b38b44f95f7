package de.govtech.membership.fees;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** The head of a stored fee schedule; its scales and bands are {@link FeeScaleRow} and {@link FeeBandRow}. */
@Entity
@Table(name = "fee_schedule")
public class FeeScheduleRow extends PanacheEntityBase {

    @Id
    @Column(name = "valid_from_year")
    public Integer validFromYear;

    @Column(name = "version_label", nullable = false, length = 40)
    public String versionLabel;

    @Column(nullable = false)
    public boolean example;

    @Column(nullable = false, length = 1000)
    public String description;

    @Column(name = "population_reference_date", nullable = false)
    public LocalDate populationReferenceDate;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;
}
