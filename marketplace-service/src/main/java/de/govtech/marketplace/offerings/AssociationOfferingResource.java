package de.govtech.marketplace.offerings;

import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.problem.DomainProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The association's own solutions in the public catalogue (no login): offered for reuse, not ordered here. */
@Path("/catalogue/association-offerings")
@Tag(name = "Catalogue", description = "Public catalogue of published apps (no login)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class AssociationOfferingResource {

    @GET
    @Transactional
    @Operation(operationId = "searchAssociationOfferings", summary = "Search the association's solutions offered for reuse",
            description = "Solutions that GovTech Kommunal released for reuse (Nachnutzung) by member municipalities. "
                    + "Full-text search (German) over name, short description and category; without q by name.")
    @APIResponse(responseCode = "200", description = "One page of offerings")
    public Page<AssociationOfferingView> search(
            @QueryParam("q") @Size(max = 200) @Parameter(description = "search text", example = "Bauantrag") String q,
            @Valid @BeanParam PageRequest paging) {
        String text = q == null || q.isBlank() ? null : q.strip();
        return new Page<>(AssociationOffering.search(text, paging.size, (long) paging.page * paging.size), paging.page,
                paging.size, AssociationOffering.countMatching(text)).map(AssociationOfferingView::of);
    }

    @GET
    @Path("/{solutionId}")
    @Transactional
    @Operation(operationId = "getAssociationOffering", summary = "One solution of the association offered for reuse")
    @APIResponse(responseCode = "200", description = "The offering")
    public AssociationOfferingView get(@PathParam("solutionId") UUID solutionId) {
        return AssociationOffering.listed(solutionId).map(AssociationOfferingView::of)
                .orElseThrow(() -> DomainProblemException.notFound("Association offering", solutionId));
    }
}
