package de.govtech.systemtests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of the journey and the refusals, as a municipal IT or vendor would send them. */
final class Fixtures {

    /** The statutes (Satzung) version membership-service expects by default. */
    static final String STATUTES_VERSION = "2025-12-12";

    private Fixtures() {
    }

    /** VAT ids here are well-formed test values (DE + 9 digits; the service checks the format only). */
    static Map<String, Object> vendorRegistration(String name, String vatId) {
        return Map.of("name", name, "legalForm", "GmbH",
                "address", Map.of("street", "Marktplatz 1", "postalCode", "74072", "city", "Heilbronn", "country", "DE"),
                "contactEmail", "vertrieb@vendor.example", "vatId", vatId);
    }

    static Map<String, Object> listing(String slug, String name, String brokerUrl, String brokerUser, String brokerPassword) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", name);
        content.put("summary", "Bäume der Gemeinde erfassen, kontrollieren und pflegen");
        content.put("description", "Digitales Baumkataster mit Kontrollintervallen nach FLL-Baumkontrollrichtlinie, "
                + "mobiler Erfassung und Auswertungen für den Bauhof.");
        content.put("category", "GEO_INFORMATION");
        content.put("tags", List.of("Bauhof", "Verkehrssicherung"));
        content.put("plans", List.of(
                Map.of("name", "Basis", "description", "Bis 500 Bäume", "priceModel", "FREE", "price", 0),
                Map.of("name", "Kommune", "description", "Unbegrenzt, mit mobiler App", "priceModel", "MONTHLY_FLAT",
                        "price", new java.math.BigDecimal("149.00"))));
        content.put("compliance", Map.of("hostedInGermany", true, "bsiC5", false, "gdprDpaAvailable", true,
                "bitvAccessible", true, "openSourceLicence", "EUPL-1.2"));
        content.put("cloudTargets", List.of("stackit:eu01", "ionos:de-fra"));
        content.put("documentationUrl", "https://docs.vendor.example/baumkataster");
        content.put("supportUrl", "https://support.vendor.example");
        return Map.of("slug", slug, "content", content,
                "broker", Map.of("url", brokerUrl, "username", brokerUser, "password", brokerPassword));
    }

    /**
     * Universitätsstadt Tübingen (Große Kreisstadt, Baden-Württemberg), AGS 08416041 (Destatis Gemeindeverzeichnis).
     * The population is left out: the system test has no source for a current figure.
     */
    static Map<String, Object> applicantMunicipality() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Universitätsstadt Tübingen");
        body.put("type", "STADT");
        body.put("land", "08");
        body.put("officialKey", "08416041");
        body.put("contacts", List.of(Map.of("name", "Erika Mustermann", "function", "IT-Leitung", "email", "it@tuebingen.example")));
        return body;
    }

    static Map<String, Object> membershipApplication(String municipalityId) {
        return Map.of("municipalityId", municipalityId, "statutesVersion", STATUTES_VERSION);
    }
}
