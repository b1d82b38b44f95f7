package de.govtech.marketplace.subscriptions;

import de.govtech.marketplace.listings.ListingCategory;
import de.govtech.marketplace.listings.ListingContent;
import de.govtech.marketplace.listings.PriceModel;
import de.govtech.marketplace.members.MemberStatus;
import de.govtech.platform.support.problem.DomainProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrderRulesTest {

    private static final ListingContent CONTENT = new ListingContent("App", "Kurz", "Lang", ListingCategory.OTHER, List.of(),
            List.of(new ListingContent.Plan("Standard", "d", PriceModel.MONTHLY_FLAT, new BigDecimal("10.00"))),
            new ListingContent.Compliance(true, true, true, true, null), List.of("stackit:eu01"),
            "https://docs.example.de", "https://support.example.de");

    @Test
    void onlyActiveMembersMayOrder() {
        assertDoesNotThrow(() -> OrderRules.requireActiveMember(MemberStatus.ACTIVE));
        assertEquals("membership-required", assertThrows(DomainProblemException.class,
                () -> OrderRules.requireActiveMember(null)).problemType().kind());
        assertEquals("membership-required", assertThrows(DomainProblemException.class,
                () -> OrderRules.requireActiveMember(MemberStatus.LEFT)).problemType().kind());
        DomainProblemException suspended = assertThrows(DomainProblemException.class,
                () -> OrderRules.requireActiveMember(MemberStatus.SUSPENDED));
        assertEquals("member-suspended", suspended.problemType().kind());
        assertEquals(403, suspended.problemType().status());
    }

    @Test
    void planAndCloudTargetMustBeOfThePublishedRevision() {
        assertEquals("Standard", OrderRules.plan(CONTENT, "standard").name(), "plan names match ignoring case");
        assertEquals("plan", assertThrows(DomainProblemException.class, () -> OrderRules.plan(CONTENT, "Gold"))
                .errors().get(0).field());
        assertEquals("stackit:eu01", OrderRules.cloudTarget(CONTENT, "stackit:eu01"));
        DomainProblemException target = assertThrows(DomainProblemException.class,
                () -> OrderRules.cloudTarget(CONTENT, "ionos:de-fra"));
        assertEquals("cloudTarget", target.errors().get(0).field());
        assertEquals(422, target.problemType().status());
    }

    @Test
    void theAppMustBeNamed() {
        assertEquals("appSlug", assertThrows(DomainProblemException.class,
                () -> OrderRules.requireAppReference(new SubscriptionRequest(null, null, "p", "c"))).errors().get(0).field());
        assertDoesNotThrow(() -> OrderRules.requireAppReference(new SubscriptionRequest(null, UUID.randomUUID(), "p", "c")));
    }

    @Test
    void planIdsAreStablePerAppAndPlanName() {
        UUID app = UUID.randomUUID();
        assertEquals(OrderRules.planId(app, "Standard"), OrderRules.planId(app, "standard"));
        assertNotEquals(OrderRules.planId(app, "Standard"), OrderRules.planId(app, "Basis"));
        assertNotEquals(OrderRules.planId(app, "Standard"), OrderRules.planId(UUID.randomUUID(), "Standard"));
    }
}
