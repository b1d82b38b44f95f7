package de.govtech.marketplace.listings;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.ProblemType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Content rules beyond bean validation: known cloud targets, FREE plans cost 0, distinct plan names. */
public final class ListingRules {

    private final Set<String> cloudTargets;

    public ListingRules(Set<String> cloudTargets) {
        this.cloudTargets = Set.copyOf(cloudTargets);
    }

    /** Throws 400 validation-failed naming every offending field (JSON path in the request body). */
    public void check(ListingContent content) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < content.cloudTargets().size(); i++) {
            String target = content.cloudTargets().get(i);
            if (!cloudTargets.contains(target)) {
                errors.add(new FieldError("content.cloudTargets[" + i + "]",
                        "unknown cloud target '" + target + "'; allowed: " + String.join(", ", cloudTargets.stream().sorted().toList())));
            }
        }
        Set<String> planNames = new HashSet<>();
        for (int i = 0; i < content.plans().size(); i++) {
            ListingContent.Plan plan = content.plans().get(i);
            if (plan.priceModel() == PriceModel.FREE && plan.price().compareTo(BigDecimal.ZERO) != 0) {
                errors.add(new FieldError("content.plans[" + i + "].price", "must be 0 for price model FREE"));
            }
            if (!planNames.add(plan.name().strip().toLowerCase(java.util.Locale.ROOT))) {
                errors.add(new FieldError("content.plans[" + i + "].name", "plan names must be distinct"));
            }
        }
        if (new HashSet<>(content.cloudTargets()).size() != content.cloudTargets().size()) {
            errors.add(new FieldError("content.cloudTargets", "cloud targets must be distinct"));
        }
        if (!errors.isEmpty()) {
            throw new DomainProblemException(ProblemType.VALIDATION_FAILED,
                    "The listing has " + errors.size() + " invalid value" + (errors.size() == 1 ? "." : "s."), errors);
        }
    }
}
