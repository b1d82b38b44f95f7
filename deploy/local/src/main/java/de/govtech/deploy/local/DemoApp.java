package de.govtech.deploy.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/**
 * The demo app the stack seeds: vendor "Demo Software GmbH" (the realm's dev-vendor) with the listing
 * {@code buergerservice-demo} and the plans Basis (free) and Premium (monthly flat), served by the sample broker.
 * The marketplace maps the listing to the broker's catalog by name: OSB service name = slug, OSB plan name = listing
 * plan name ignoring case (the sample broker's demo catalog: service {@code buergerservice-demo}, plans
 * {@code basis}, {@code premium}).
 *
 * @param brokerUrl the sample broker's base URL as the marketplace reaches it
 */
record DemoApp(String brokerUrl, String brokerUsername, String brokerPassword) {

    static final String SLUG = "buergerservice-demo";
    static final String VENDOR_USER = "dev-vendor";
    static final String ADMIN_USER = "dev-platform-admin";
    static final String VAT_ID = "DE300000017";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Body of {@code POST /vendors} (VendorRegistration). */
    ObjectNode vendorRegistration() {
        ObjectNode vendor = JSON.createObjectNode()
                .put("name", "Demo Software GmbH")
                .put("legalForm", "GmbH")
                .put("contactEmail", "vertrieb@demo-software.invalid")
                .put("vatId", VAT_ID);
        vendor.putObject("address")
                .put("street", "Marktplatz 1")
                .put("postalCode", "74072")
                .put("city", "Heilbronn")
                .put("country", "DE");
        return vendor;
    }

    /** Body of {@code POST /listings} and {@code PUT /listings/{id}} (ListingRequest). */
    ObjectNode listingRequest() {
        ObjectNode request = JSON.createObjectNode().put("slug", SLUG);
        ObjectNode content = request.putObject("content")
                .put("name", "Bürgerservice (Demo)")
                .put("summary", "Online-Anträge und Terminbuchung für das Bürgerbüro – die Demo-App des lokalen Stacks")
                .put("description", "Eine Beispiel-App für den Marktplatz: Bürgerinnen und Bürger stellen Anträge online "
                        + "und buchen Termine im Bürgerbüro. Bereitgestellt über den Beispiel-Broker (Open Service "
                        + "Broker API 2.17) des lokalen Stacks; keine echten Daten.")
                .put("category", "CITIZEN_SERVICES")
                .put("documentationUrl", "https://demo-software.invalid/buergerservice/docs")
                .put("supportUrl", "https://demo-software.invalid/support");
        content.putArray("tags").add("Demo").add("Online-Antrag").add("Terminbuchung");
        ArrayNode plans = content.putArray("plans");
        plans.addObject().put("name", "Basis").put("description", "Online-Anträge für bis zu drei Verfahren")
                .put("priceModel", "FREE").put("price", BigDecimal.ZERO);
        plans.addObject().put("name", "Premium").put("description", "Alle Verfahren, Terminbuchung und Bezahlung")
                .put("priceModel", "MONTHLY_FLAT").put("price", new BigDecimal("49.00"));
        content.putObject("compliance")
                .put("hostedInGermany", true)
                .put("bsiC5", false)
                .put("gdprDpaAvailable", true)
                .put("bitvAccessible", true)
                .put("openSourceLicence", "EUPL-1.2");
        content.putArray("cloudTargets").add("stackit:eu01").add("ionos:de-fra");
        request.putObject("broker")
                .put("url", brokerUrl)
                .put("username", brokerUsername)
                .put("password", brokerPassword);
        return request;
    }
}
