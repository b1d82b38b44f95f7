package de.govtech.membership.fees;

import de.govtech.platform.events.membership.MunicipalityType;

import java.util.List;
import java.util.Optional;

/**
 * A fee schedule (Beitragsordnung): valid from the 1st of January of {@code validFromYear} until the next
 * schedule's year; one scale per type of authority.
 */
public record FeeSchedule(int validFromYear, String version, boolean example, String description, List<FeeScale> scales) {

    public FeeSchedule {
        scales = List.copyOf(scales);
    }

    public Optional<FeeScale> scaleFor(MunicipalityType type) {
        return scales.stream().filter(scale -> scale.type() == type).findFirst();
    }
}
