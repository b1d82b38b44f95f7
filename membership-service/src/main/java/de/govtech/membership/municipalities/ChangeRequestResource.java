package de.govtech.membership.municipalities;

import de.govtech.platform.support.security.CurrentCaller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.security.PlatformRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Change requests of fee-relevant master data, decided by platform admins. */
@Path("/municipality-change-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Municipalities")
public class ChangeRequestResource {

    private static final String DECIDED = "The change request is not PENDING (problem type change-request-decided)";

    private final ChangeRequestService changeRequests;
    private final CurrentCaller caller;

    public ChangeRequestResource(ChangeRequestService changeRequests, CurrentCaller caller) {
        this.changeRequests = changeRequests;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "listMunicipalityChangeRequests", summary = "List change requests of all municipalities, oldest first")
    @APIResponse(responseCode = "200", description = "One page of change requests")
    public Page<MunicipalityChangeRequestView> list(
            @Parameter(description = "only those in this status", schema = @Schema(implementation = ChangeRequestStatus.class),
                    example = "PENDING") @QueryParam("status") ChangeRequestStatus status,
            @Valid @BeanParam PageRequest paging) {
        return changeRequests.list(status, paging.page, paging.size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getMunicipalityChangeRequest", summary = "Read one change request",
            description = "Platform admins read any; the municipality's own admins and staff theirs (else 403).")
    @APIResponse(responseCode = "200", description = "The change request")
    public MunicipalityChangeRequestView get(@PathParam("id") UUID id) {
        return changeRequests.get(caller.get(), id);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "acceptMunicipalityChangeRequest", summary = "Accept a change request and apply its values",
            description = "No body. Applies population, type, official key, Land (and ARS), records the old values and the "
                    + "population figure, and emits municipality-updated.")
    @APIResponse(responseCode = "200", description = "The accepted change request, with the values it replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MunicipalityChangeRequestView.class)))
    @APIResponse(responseCode = "409", description = DECIDED + ", the official key is taken meanwhile (duplicate-official-key), "
            + "or the municipality was rejected (municipality-rejected)")
    public MunicipalityChangeRequestView accept(@PathParam("id") UUID id) {
        return changeRequests.accept(caller.get(), id);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "rejectMunicipalityChangeRequest", summary = "Reject a change request; reason required",
            description = "The municipality's data stays as it is.")
    @APIResponse(responseCode = "200", description = "The rejected change request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MunicipalityChangeRequestView.class)))
    @APIResponse(responseCode = "409", description = DECIDED)
    public MunicipalityChangeRequestView reject(@PathParam("id") UUID id, @Valid @NotNull RejectionRequest request) {
        return changeRequests.reject(caller.get(), id, request.reason().trim());
    }
}
