package de.govtech.marketplace.listings;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ListingRulesTest {

    private final ListingRules rules = new ListingRules(Set.of("stackit:eu01", "ionos:de-fra"));

    @Test
    void aListingWithKnownTargetsAndConsistentPlansPasses() {
        assertDoesNotThrow(() -> rules.check(content(List.of("stackit:eu01"),
                plan("Basis", PriceModel.FREE, "0.00"), plan("Standard", PriceModel.MONTHLY_FLAT, "99.90"))));
    }

    @Test
    void unknownOrRepeatedCloudTargetsAreNamed() {
        DomainProblemException e = assertThrows(DomainProblemException.class, () -> rules.check(content(
                List.of("stackit:eu01", "aws:us-east-1", "stackit:eu01"), plan("Basis", PriceModel.FREE, "0"))));
        assertEquals(400, e.problemType().status());
        assertEquals(List.of("content.cloudTargets[1]", "content.cloudTargets"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aFreePlanCostsNothingAndPlanNamesAreDistinct() {
        DomainProblemException e = assertThrows(DomainProblemException.class, () -> rules.check(content(
                List.of("ionos:de-fra"), plan("Basis", PriceModel.FREE, "1"), plan("basis", PriceModel.MONTHLY_FLAT, "5"))));
        assertEquals(List.of("content.plans[0].price", "content.plans[1].name"),
                e.errors().stream().map(FieldError::field).toList());
    }

    private static ListingContent.Plan plan(String name, PriceModel model, String price) {
        return new ListingContent.Plan(name, "Beschreibung", model, new BigDecimal(price));
    }

    private static ListingContent content(List<String> targets, ListingContent.Plan... plans) {
        return new ListingContent("App", "Kurz", "Lang", ListingCategory.OTHER, List.of(), List.of(plans),
                new ListingContent.Compliance(true, false, true, false, null), targets,
                "https://docs.example.de", "https://support.example.de");
    }
}
