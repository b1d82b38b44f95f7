package de.govtech.membership.fees;

import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.support.problem.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules across the values of a fee schedule, each violation naming its request field: exactly one scale per
 * type of authority; minimum ≤ maximum; bands in ascending order, the first from 0, each next one starting where
 * the previous one ends (no gap, no overlap), the last one open-ended; every band's fee within minimum and maximum.
 * Shape rules (required values, non-negative amounts) are bean validation's and not repeated here.
 */
public final class FeeScheduleRules {

    private FeeScheduleRules() {
    }

    public static List<FieldError> check(FeeScheduleRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.scales() == null) {
            return errors;
        }
        Set<MunicipalityType> seen = EnumSet.noneOf(MunicipalityType.class);
        for (int i = 0; i < request.scales().size(); i++) {
            FeeScheduleRequest.Scale scale = request.scales().get(i);
            String at = "scales[" + i + "]";
            if (scale == null) {
                continue;
            }
            if (scale.type() != null && !seen.add(scale.type())) {
                errors.add(new FieldError(at + ".type", "the schedule has a scale for " + scale.type() + " already"));
            }
            checkScale(scale, at, errors);
        }
        Set<MunicipalityType> missing = EnumSet.allOf(MunicipalityType.class);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            errors.add(new FieldError("scales", "a scale is missing for " + missing));
        }
        return errors;
    }

    private static void checkScale(FeeScheduleRequest.Scale scale, String at, List<FieldError> errors) {
        boolean bounds = scale.minimumFee() != null && scale.maximumFee() != null;
        if (bounds && scale.minimumFee().compareTo(scale.maximumFee()) > 0) {
            errors.add(new FieldError(at + ".minimumFee", "must not exceed maximumFee " + scale.maximumFee()));
            bounds = false;
        }
        List<FeeScheduleRequest.Band> bands = scale.bands();
        if (bands == null || bands.isEmpty() || bands.stream().anyMatch(java.util.Objects::isNull)) {
            return;
        }
        for (int j = 0; j < bands.size(); j++) {
            FeeScheduleRequest.Band band = bands.get(j);
            String bandAt = at + ".bands[" + j + "]";
            if (band.from() == null) {
                continue;
            }
            if (j == 0 && band.from() != 0) {
                errors.add(new FieldError(bandAt + ".from", "the first band starts at population 0"));
            }
            if (j > 0) {
                Integer previousTo = bands.get(j - 1).to();
                if (previousTo == null) {
                    errors.add(new FieldError(at + ".bands[" + (j - 1) + "].to", "only the last band may be open-ended"));
                } else if (band.from() < previousTo) {
                    errors.add(new FieldError(bandAt + ".from", "overlaps the previous band, which ends before " + previousTo));
                } else if (band.from() > previousTo) {
                    errors.add(new FieldError(bandAt + ".from", "leaves a gap: the previous band ends before " + previousTo));
                }
            }
            if (band.to() != null && band.to() <= band.from()) {
                errors.add(new FieldError(bandAt + ".to", "must be greater than from (" + band.from() + ")"));
            }
            if (j == bands.size() - 1 && band.to() != null) {
                errors.add(new FieldError(bandAt + ".to", "the last band must be open-ended (null)"));
            }
            if (bounds && band.annualFee() != null && (band.annualFee().compareTo(scale.minimumFee()) < 0
                    || band.annualFee().compareTo(scale.maximumFee()) > 0)) {
                errors.add(new FieldError(bandAt + ".annualFee", "must lie within minimumFee " + scale.minimumFee()
                        + " and maximumFee " + scale.maximumFee()));
            }
        }
    }

    /** The domain schedule of a request that passed {@link #check}. */
    public static FeeSchedule toSchedule(int validFromYear, FeeScheduleRequest request) {
        LocalDate referenceDate = request.populationReferenceDate() == null
                ? FeeSchedule.defaultPopulationReferenceDate(validFromYear) : request.populationReferenceDate();
        return new FeeSchedule(validFromYear, request.version().trim(), request.example(), request.description().trim(), referenceDate,
                request.scales().stream().map(s -> new FeeScale(s.type(), Money.euros(s.minimumFee()), Money.euros(s.maximumFee()),
                        s.foundingMemberDiscountPercent() == null ? null : s.foundingMemberDiscountPercent().setScale(2),
                        s.bands().stream().map(b -> new FeeBand(b.from(), b.to(), Money.euros(b.annualFee()))).toList())).toList());
    }
}
