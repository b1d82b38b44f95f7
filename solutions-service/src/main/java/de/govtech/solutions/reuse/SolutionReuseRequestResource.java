package de.govtech.solutions.reuse;

import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.security.PlatformRoles;
import de.govtech.platform.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/solutions/{id}/reuse-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reuse", description = "Nachnutzung: reuse requests and reuse agreements with cost sharing")
public class SolutionReuseRequestResource {

    private final ReuseService reuse;
    private final CurrentCaller caller;

    public SolutionReuseRequestResource(ReuseService reuse, CurrentCaller caller) {
        this.reuse = reuse;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.MUNICIPALITY_ADMIN)
    @Operation(operationId = "requestReuse", summary = "Ask to reuse a solution available for reuse (Nachnutzung)",
            description = "By the admin of an active member municipality, for its own municipality. Body: {} or {\"message\": …}.")
    @APIResponse(responseCode = "201", description = "Requested; Location names the request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReuseViews.RequestView.class)))
    @APIResponse(responseCode = "409", description = "The solution is not AVAILABLE_FOR_REUSE, or the municipality has an open "
            + "request for it (problem type reuse-request-open)")
    public Response ask(@PathParam("id") UUID id, @Valid ReuseRequests.Ask body, @Context UriInfo uri) {
        ReuseViews.RequestView created = reuse.ask(caller.get(), id, body);
        return Response.created(uri.getBaseUriBuilder().path("reuse-requests").path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "listReuseRequests", summary = "Reuse requests of a solution, oldest first",
            description = "Platform admins see all; municipality users those of their own municipality.")
    @APIResponse(responseCode = "200", description = "One page of requests")
    public ReuseViews.ReuseRequestPage requests(@PathParam("id") UUID id, @Valid @BeanParam PageRequest paging) {
        return ReuseViews.ReuseRequestPage.of(reuse.requestsOf(caller.get(), id, paging.page, paging.size));
    }
}
