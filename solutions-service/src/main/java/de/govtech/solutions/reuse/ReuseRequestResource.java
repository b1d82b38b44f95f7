package de.govtech.solutions.reuse;

import de.govtech.platform.support.security.PlatformRoles;
import de.govtech.platform.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

@Path("/reuse-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reuse", description = "Nachnutzung: reuse requests and reuse agreements with cost sharing")
public class ReuseRequestResource {

    private final ReuseService reuse;
    private final CurrentCaller caller;

    public ReuseRequestResource(ReuseService reuse, CurrentCaller caller) {
        this.reuse = reuse;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getReuseRequest", summary = "Read one reuse request",
            description = "By platform admins and users of the requesting municipality.")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReuseViews.RequestView.class)))
    public ReuseViews.RequestView request(@PathParam("id") UUID id) {
        return reuse.request(caller.get(), id);
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN})
    @Operation(operationId = "acceptReuseRequest", summary = "Accept: conclude the reuse agreement; emits reuse-agreed",
            description = "By the providing side: a platform admin or the admin of the municipality leading the solution's pilot. An optional cost split divides development and operating cost exactly "
                    + "in cents among all participants (EQUAL or by POPULATION, largest remainder)."
                    + " Refused with 422 when a participant is no active member, or a population is unknown for a "
                    + "POPULATION split (problem+json naming the field)")
    @APIResponse(responseCode = "201", description = "The agreement; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReuseViews.AgreementView.class)))
    @APIResponse(responseCode = "409", description = "Already decided, or the solution is no longer available for reuse")
    public Response accept(@PathParam("id") UUID id, @Valid @NotNull ReuseRequests.Accept body, @Context UriInfo uri) {
        ReuseViews.AgreementView agreement = reuse.accept(caller.get(), id, body);
        return Response.created(uri.getBaseUriBuilder().path("reuse-agreements").path(agreement.id().toString()).build())
                .entity(agreement).build();
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN})
    @Operation(operationId = "declineReuseRequest", summary = "Decline a reuse request with a reason",
            description = "By the providing side: a platform admin or the admin of the municipality leading the solution's pilot.")
    @APIResponse(responseCode = "200", description = "The declined request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReuseViews.RequestView.class)))
    @APIResponse(responseCode = "409", description = "Already decided")
    public ReuseViews.RequestView decline(@PathParam("id") UUID id, @Valid @NotNull ReuseRequests.Decline body) {
        return reuse.decline(caller.get(), id, body.reason().strip());
    }
}
