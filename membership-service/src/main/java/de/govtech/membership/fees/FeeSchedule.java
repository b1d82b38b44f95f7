package de.govtech.membership.fees;

import de.govtech.platform.events.membership.MunicipalityType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A fee schedule (Beitragsordnung): valid from the 1st of January of {@code validFromYear} until the next
 * schedule's year; one scale per type of authority. The yearly assessment takes each member's population figure
 * valid at {@code populationReferenceDate}.
 */
public record FeeSchedule(int validFromYear, String version, boolean example, String description,
                          LocalDate populationReferenceDate, List<FeeScale> scales) {

    /**
     * The population reference date (Stichtag) of a schedule that names none: 31 December of the year before last,
     * the latest official Destatis figure (Fortschreibung des Bevölkerungsstandes) when the schedule takes effect.
     */
    public static LocalDate defaultPopulationReferenceDate(int validFromYear) {
        return LocalDate.of(validFromYear - 2, 12, 31);
    }

    public FeeSchedule {
        scales = List.copyOf(scales);
    }

    public Optional<FeeScale> scaleFor(MunicipalityType type) {
        return scales.stream().filter(scale -> scale.type() == type).findFirst();
    }
}
