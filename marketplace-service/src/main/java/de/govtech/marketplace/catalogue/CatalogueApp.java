package de.govtech.marketplace.catalogue;

import de.govtech.marketplace.listings.ListingCategory;
import de.govtech.marketplace.listings.ListingContent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A published app as the public catalogue shows it: the published revision's content and its vendor's name. */
@Schema(name = "CatalogueApp")
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
}
