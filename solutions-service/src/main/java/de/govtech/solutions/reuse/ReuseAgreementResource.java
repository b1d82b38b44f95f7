package de.govtech.solutions.reuse;

import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.security.PlatformRoles;
import de.govtech.platform.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/reuse-agreements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reuse", description = "Nachnutzung: reuse requests and reuse agreements with cost sharing")
public class ReuseAgreementResource {

    private final ReuseService reuse;
    private final CurrentCaller caller;

    public ReuseAgreementResource(ReuseService reuse, CurrentCaller caller) {
        this.reuse = reuse;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "listReuseAgreements", summary = "Reuse agreements, newest first",
            description = "Platform admins see all; municipality users those their municipality participates in.")
    @APIResponse(responseCode = "200", description = "One page of agreements")
    public ReuseViews.ReuseAgreementPage agreements(@Valid @BeanParam PageRequest paging) {
        return ReuseViews.ReuseAgreementPage.of(reuse.agreements(caller.get(), paging.page, paging.size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getReuseAgreement", summary = "Read one reuse agreement with the cost shares per municipality")
    @APIResponse(responseCode = "200", description = "The agreement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReuseViews.AgreementView.class)))
    public ReuseViews.AgreementView agreement(@PathParam("id") UUID id) {
        return reuse.agreement(caller.get(), id);
    }
}
