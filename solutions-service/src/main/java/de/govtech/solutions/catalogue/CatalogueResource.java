package de.govtech.solutions.catalogue;

import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.security.PlatformRoles;
import de.govtech.platform.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reuse catalogue")
public class CatalogueResource {

    private final CatalogueService catalogue;
    private final CurrentCaller caller;

    public CatalogueResource(CatalogueService catalogue, CurrentCaller caller) {
        this.catalogue = catalogue;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "searchReuseCatalogue", summary = "Search the solutions available for reuse (Nachnutzung)",
            description = "For platform admins and users of active member municipalities. Most recently released first.")
    @APIResponse(responseCode = "200", description = "One page of catalogue entries")
    public CatalogueViews.ReuseCataloguePage search(
            @Parameter(description = "full text (German stemming) over title, problem, outcome and the publiccode.yml name "
                    + "and descriptions", example = "Termin") @QueryParam("q") @Size(max = 200) String text,
            @Parameter(description = "solution category", example = "Bürgerservice") @QueryParam("category") String category,
            @Parameter(description = "SPDX licence (case-insensitive)", example = "EUPL-1.2") @QueryParam("licence") String licence,
            @Parameter(description = "publiccode.yml developmentStatus: concept, development, beta, stable or obsolete",
                    example = "stable") @QueryParam("developmentStatus")
            @Pattern(regexp = "(concept|development|beta|stable|obsolete)?",
                    message = "must be one of: concept, development, beta, stable, obsolete") String developmentStatus,
            @Valid @BeanParam PageRequest paging) {
        return CatalogueViews.ReuseCataloguePage.of(catalogue.search(caller.get(), new CatalogueQuery(blankToNull(text), blankToNull(category), blankToNull(licence),
                blankToNull(developmentStatus)), paging.page, paging.size));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
