package de.govtech.marketplace.catalogue;

import de.govtech.platform.support.paging.PageRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public app catalogue: published apps only, no login. */
@Path("/catalogue/apps")
@Tag(name = "Catalogue", description = "Public catalogue of published apps (no login)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class CatalogueResource {

    private static final String ETAG = "weak tag of this search at the catalogue's version: changes with every change "
            + "of the catalogue";
    private static final String CACHE_CONTROL = "public, no-cache: any cache may keep the answer but must revalidate it "
            + "(If-None-Match) before using it";

    private final Catalogue catalogue;

    public CatalogueResource(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(operationId = "searchCatalogue", summary = "Search published apps",
            description = "Full-text search over name (weighted highest), summary, tags and description with the German "
                    + "configuration (stemming, stop words); filters by category, cloud target, price model and compliance "
                    + "flags; facets count the apps matching search and filters. Ranked by relevance; without q by name.")
    @APIResponse(responseCode = "200", description = "One page of published apps with the total and the facet counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CataloguePage.class)),
            headers = {@Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.CACHE_CONTROL, description = CACHE_CONTROL,
                            schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = "Not modified: the catalogue has not changed since the tag given in "
            + "If-None-Match; no body, the search is not run",
            headers = {@Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.CACHE_CONTROL, description = CACHE_CONTROL,
                            schema = @Schema(type = SchemaType.STRING))})
    public Response search(@Valid @BeanParam CatalogueFilter filter, @Valid @BeanParam PageRequest paging,
                           @HeaderParam(HttpHeaders.IF_NONE_MATCH)
                           @Parameter(description = "the ETag of an earlier answer to the same search: 304 while the "
                                   + "catalogue has not changed", example = "W/\"42-KFzjUGubV-6eg5He\"") String ifNoneMatch) {
        Catalogue.Answer answer = catalogue.search(filter, paging, ifNoneMatch);
        Response.ResponseBuilder response = answer.page() == null ? Response.notModified() : Response.ok(answer.page());
        return response.header(HttpHeaders.ETAG, answer.etag()).header(HttpHeaders.CACHE_CONTROL, "public, no-cache")
                .build();
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getCatalogueApp", summary = "One published app with its plans")
    @APIResponse(responseCode = "200", description = "The app")
    public CatalogueApp get(@PathParam("slug") @Parameter(example = "buergerportal-plus") String slug) {
        return catalogue.bySlug(slug);
    }
}
