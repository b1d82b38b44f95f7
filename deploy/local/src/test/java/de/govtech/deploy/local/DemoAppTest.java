package de.govtech.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import de.govtech.deploy.samplebroker.Catalog;
import de.govtech.deploy.samplebroker.ServiceOffering;
import de.govtech.deploy.samplebroker.ServicePlan;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoAppTest {

    private final DemoApp app = new DemoApp("http://localhost:8090", "broker", "broker-secret");

    @Test
    void theListingMapsOntoTheSampleBrokersDemoCatalogByName() {
        JsonNode listing = app.listingRequest();
        ServiceOffering service = Catalog.demo().services().stream()
                .filter(s -> s.name().equals(listing.path("slug").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no OSB service named like the slug " + listing.path("slug")));
        List<String> brokerPlans = service.plans().stream().map(ServicePlan::name).toList();
        List<String> listingPlans = new ArrayList<>();
        listing.path("content").path("plans").forEach(p -> listingPlans.add(p.path("name").asText()));

        assertEquals(List.of("Basis", "Premium"), listingPlans);
        assertEquals(brokerPlans, listingPlans.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
    }

    @Test
    void theListingCarriesTheBrokerAndValidPlans() {
        JsonNode listing = app.listingRequest();
        assertEquals(DemoApp.SLUG, listing.path("slug").asText());
        assertEquals("http://localhost:8090", listing.path("broker").path("url").asText());
        assertEquals("broker", listing.path("broker").path("username").asText());
        assertEquals("broker-secret", listing.path("broker").path("password").asText());
        JsonNode plans = listing.path("content").path("plans");
        assertEquals("FREE", plans.get(0).path("priceModel").asText());
        assertEquals(0, plans.get(0).path("price").decimalValue().compareTo(BigDecimal.ZERO));
        assertEquals("MONTHLY_FLAT", plans.get(1).path("priceModel").asText());
        assertEquals(new BigDecimal("49.00"), plans.get(1).path("price").decimalValue());
        assertTrue(listing.path("content").path("documentationUrl").asText().startsWith("https://"));
        assertTrue(listing.path("content").path("supportUrl").asText().startsWith("https://"));
        assertEquals(4, listing.path("content").path("compliance").size() - 1, "four flags and a licence");
    }

    @Test
    void theVendorRegistrationHasAGermanVatIdAndAddress() {
        JsonNode vendor = app.vendorRegistration();
        assertTrue(vendor.path("vatId").asText().matches("DE\\d{9}"));
        assertTrue(vendor.path("address").path("postalCode").asText().matches("\\d{5}"));
        assertEquals("DE", vendor.path("address").path("country").asText());
    }
}
