package de.govtech.marketplace.catalogue;

import de.govtech.marketplace.listings.ListingCategory;
import de.govtech.marketplace.listings.ListingContent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A published app as the public catalogue shows it: the published revision's content and its vendor's name. */
@Schema(name = "CatalogueApp", description = "A published app as the public catalogue shows it", examples = """
        {"id": "7a4e2c18-5b3d-4f6a-8e9c-0d1f2a3b4c5d", "slug": "buergerportal-plus", "vendorId": "3c1d9e4a-7b2f-4e8a-9c5d-1a2b3c4d5e6f",
         "vendorName": "Kommunal Digital GmbH", "name": "Bürgerportal Plus", "summary": "Online-Anträge für Bürgerinnen und Bürger",
         "description": "Ein Portal für Online-Anträge nach OZG, mit BundID-Anbindung.", "category": "CITIZEN_SERVICES",
         "tags": ["OZG", "BundID"], "plans": [{"name": "Basis", "description": "Drei Verfahren", "priceModel": "FREE", "price": 0},
          {"name": "Standard", "description": "Alle Verfahren, Support werktags", "priceModel": "PER_INHABITANT_PER_YEAR", "price": 0.12}],
         "compliance": {"hostedInGermany": true, "bsiC5": true, "gdprDpaAvailable": true, "bitvAccessible": true, "openSourceLicence": "EUPL-1.2"}, "cloudTargets": ["stackit:eu01"],
         "documentationUrl": "https://docs.example.de/buergerportal", "supportUrl": "https://support.example.de",
         "revision": 1, "publishedAt": "2026-03-12T14:00:00Z"}""")
public record CatalogueApp(
        UUID id,
        @Schema(examples = "buergerportal-plus") String slug,
        UUID vendorId,
        @Schema(examples = "Kommunal Digital GmbH") String vendorName,
        @Schema(examples = "Bürgerportal Plus") String name,
        String summary,
        String description,
        ListingCategory category,
        List<String> tags,
        List<ListingContent.Plan> plans,
        ListingContent.Compliance compliance,
        List<String> cloudTargets,
        String documentationUrl,
        String supportUrl,
        int revision,
        Instant publishedAt) {

    static CatalogueApp of(UUID id, String slug, UUID vendorId, String vendorName, ListingContent c, int revision,
                           Instant publishedAt) {
        return new CatalogueApp(id, slug, vendorId, vendorName, c.name(), c.summary(), c.description(), c.category(),
                c.tags(), c.plans(), c.compliance(), c.cloudTargets(), c.documentationUrl(), c.supportUrl(), revision,
                publishedAt);
    }

    /** The characters of its name, summary and description: the bulk of its size, for the caches' estimates. */
    int textLength() {
        return length(name) + length(summary) + length(description);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
