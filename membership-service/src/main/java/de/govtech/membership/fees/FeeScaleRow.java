package de.govtech.membership.fees;

import de.govtech.platform.events.membership.MunicipalityType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** One scale (per type of authority) of a stored fee schedule. */
@Entity
@Table(name = "fee_scale")
public class FeeScaleRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "valid_from_year", nullable = false)
    public int validFromYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "municipality_type", nullable = false, length = 32)
    public MunicipalityType type;

    @Column(name = "minimum_fee", nullable = false, precision = 12, scale = 2)
    public BigDecimal minimumFee;

    @Column(name = "maximum_fee", nullable = false, precision = 12, scale = 2)
    public BigDecimal maximumFee;

    @Column(name = "founding_discount_percent", precision = 5, scale = 2)
    public BigDecimal foundingDiscountPercent;
}
