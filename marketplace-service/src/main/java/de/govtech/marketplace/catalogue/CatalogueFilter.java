package de.govtech.marketplace.catalogue;

import de.govtech.marketplace.listings.ListingCategory;
import de.govtech.marketplace.listings.PriceModel;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Search text, filters and order of a catalogue search (query parameters). Unset filters do not restrict. */
public class CatalogueFilter {

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(description = "German full-text search (web-search syntax: words, \"phrases\", or, -exclusion)",
            example = "Bürgerportal Anträge")
    public String q;

    @QueryParam("category")
    @Parameter(description = "only apps of this category")
    public ListingCategory category;

    @QueryParam("cloudTarget")
    @Parameter(description = "only apps that support this cloud target", example = "stackit:eu01")
    public String cloudTarget;

    @QueryParam("priceModel")
    @Parameter(description = "only apps with at least one plan of this price model")
    public PriceModel priceModel;

    @QueryParam("hostedInGermany")
    @Parameter(description = "true: only apps hosted in Germany")
    public Boolean hostedInGermany;

    @QueryParam("bsiC5")
    @Parameter(description = "true: only apps with a BSI C5 attestation")
    public Boolean bsiC5;

    @QueryParam("gdprDpaAvailable")
    @Parameter(description = "true: only apps with a GDPR data-processing agreement")
    public Boolean gdprDpaAvailable;

    @QueryParam("bitvAccessible")
    @Parameter(description = "true: only BITV-accessible apps")
    public Boolean bitvAccessible;

    @QueryParam("openSource")
    @Parameter(description = "true: only apps with an open-source licence; false: only without")
    public Boolean openSource;

    @QueryParam("sort")
    @DefaultValue("RELEVANCE")
    @Parameter(description = "RELEVANCE (needs q, else NAME), NAME or NEWEST (last published first)")
    public CatalogueSort sort = CatalogueSort.RELEVANCE;

    String text() {
        return q == null || q.isBlank() ? null : q.strip();
    }
}
