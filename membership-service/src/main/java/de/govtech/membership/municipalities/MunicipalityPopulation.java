package de.govtech.membership.municipalities;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** One population figure of a municipality and the date it refers to (the statistic's Stichtag). */
@Entity
@Table(name = "municipality_population")
public class MunicipalityPopulation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "municipality_population_id")
    @SequenceGenerator(name = "municipality_population_id", sequenceName = "municipality_population_id_seq", allocationSize = 1)
    public Long id;

    @Column(name = "municipality_id", nullable = false)
    public UUID municipalityId;

    @Column(nullable = false)
    public int population;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(nullable = false, length = 200)
    public String source;

    @Column(name = "recorded_by", nullable = false, length = 200)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static void record(UUID municipalityId, int population, LocalDate validFrom, String source, String actor, Instant at) {
        MunicipalityPopulation figure = new MunicipalityPopulation();
        figure.municipalityId = municipalityId;
        figure.population = population;
        figure.validFrom = validFrom;
        figure.source = source;
        figure.recordedBy = actor;
        figure.recordedAt = at;
        figure.persist();
    }

    /** The figure valid at {@code date}: the latest one valid from that date or earlier (the later recorded one on a tie). */
    public static Optional<Integer> at(UUID municipalityId, LocalDate date) {
        return MunicipalityPopulation.<MunicipalityPopulation>find("municipalityId = ?1 and validFrom <= ?2",
                        Sort.descending("validFrom").and("id", Sort.Direction.Descending), municipalityId, date)
                .firstResultOptional().map(figure -> figure.population);
    }

    public static boolean exists(UUID municipalityId, int population, LocalDate validFrom) {
        return count("municipalityId = ?1 and population = ?2 and validFrom = ?3", municipalityId, population, validFrom) > 0;
    }
}
