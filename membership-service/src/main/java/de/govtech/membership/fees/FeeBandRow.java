package de.govtech.membership.fees;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** One population band of a stored scale. */
@Entity
@Table(name = "fee_band")
public class FeeBandRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "scale_id", nullable = false)
    public long scaleId;

    @Column(name = "from_population", nullable = false)
    public int fromPopulation;

    @Column(name = "to_population")
    public Integer toPopulation;

    @Column(name = "annual_fee", nullable = false, precision = 12, scale = 2)
    public BigDecimal annualFee;
}
