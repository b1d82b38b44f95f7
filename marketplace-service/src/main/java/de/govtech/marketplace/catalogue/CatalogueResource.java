package de.govtech.marketplace.catalogue;

import de.govtech.platform.support.paging.PageRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public app catalogue: published apps only, no login. */
@Path("/catalogue/apps")
@Tag(name = "Catalogue", description = "Public catalogue of published apps (no login)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class CatalogueResource {

    private final Catalogue catalogue;

    public CatalogueResource(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(operationId = "searchCatalogue", summary = "Search published apps",
            description = "Full-text search over name (weighted highest), summary, tags and description with the German "
                    + "configuration (stemming, stop words); filters by category, cloud target, price model and compliance "
                    + "flags; facets count the apps matching search and filters. Ranked by relevance; without q by name.")
    @APIResponse(responseCode = "200", description = "One page of published apps with the total and the facet counts")
    public CataloguePage search(@Valid @BeanParam CatalogueFilter filter, @Valid @BeanParam PageRequest paging) {
        return catalogue.search(filter, paging);
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getCatalogueApp", summary = "One published app with its plans")
    @APIResponse(responseCode = "200", description = "The app")
    public CatalogueApp get(@PathParam("slug") @Parameter(example = "buergerportal-plus") String slug) {
        return catalogue.bySlug(slug);
    }
}
