package de.govtech.membership.municipalities;

import de.govtech.platform.support.security.CurrentCaller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.security.PlatformRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/municipalities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Municipalities", description = "Municipalities (Städte, Gemeinden, Landkreise, Ämter) and their official keys")
public class MunicipalityResource {

    private final MunicipalityService municipalities;
    private final ChangeRequestService changeRequests;
    private final CurrentCaller caller;

    public MunicipalityResource(MunicipalityService municipalities, ChangeRequestService changeRequests, CurrentCaller caller) {
        this.municipalities = municipalities;
        this.changeRequests = changeRequests;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "listMunicipalities", summary = "List municipalities",
            description = "A platform admin sees all municipalities; a municipality admin or staff member only their own.")
    @APIResponse(responseCode = "200", description = "One page of municipalities, ordered by name")
    public Page<MunicipalityView> list(
            @Parameter(description = "only those in this verification state, e.g. UNVERIFIED: the ones awaiting a platform admin",
                    schema = @Schema(implementation = Verification.class), example = "UNVERIFIED")
            @QueryParam("verification") Verification verification,
            @Valid @BeanParam PageRequest paging) {
        return municipalities.list(caller.get(), verification, paging.page, paging.size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getMunicipality", summary = "Read one municipality",
            description = "Platform admins read any; municipality admins and staff only their own (else 403).")
    @APIResponse(responseCode = "200", description = "The municipality")
    public MunicipalityView get(@PathParam("id") UUID id) {
        return municipalities.get(caller.get(), id);
    }

    @POST
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN})
    @Operation(operationId = "createMunicipality", summary = "Register a municipality",
            description = "A platform admin registers any municipality; its id derives from the official key. A municipality "
                    + "admin registers the municipality of their token's municipality_id claim, which becomes its id. "
                    + "Emits municipality-updated.")
    @APIResponse(responseCode = "201", description = "Registered; Location names the new municipality",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MunicipalityView.class)))
    @APIResponse(responseCode = "409", description = "The official key or the municipality exists already (problem+json)")
    public Response create(@Valid @NotNull MunicipalityRequest request, @Context UriInfo uri) {
        MunicipalityView created = municipalities.create(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN})
    @Operation(operationId = "updateMunicipality", summary = "Replace a municipality's master data",
            description = "Platform admins change any municipality, directly. Municipality admins change only their own: name "
                    + "and contacts apply directly, but a change of the fee-relevant fields (population, populationAsOf, type, "
                    + "officialKey, land; the ARS goes with them) becomes a change request for the association (202, Location "
                    + "names it); those fields stay as they are until a platform admin accepts it. Emits municipality-updated.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "202", description = "Name and contacts changed; the fee-relevant change awaits a platform admin's "
            + "decision: Location names the change request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MunicipalityChangeRequestView.class)))
    @APIResponse(responseCode = "409", description = "Another municipality has this official key, a concurrent change, the "
            + "municipality was rejected (municipality-rejected), or another change request is pending (change-request-pending)")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull MunicipalityRequest request, @Context UriInfo uri) {
        return municipalities.update(caller.get(), id, request)
                .map(changeRequest -> Response.accepted(changeRequest).location(uri.getBaseUriBuilder()
                        .path(ChangeRequestResource.class).path(changeRequest.id().toString()).build()).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/populations")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "listMunicipalityPopulations", summary = "A municipality's population figures, latest reference date first",
            description = "Platform admins read any municipality's; its own admins and staff theirs (else 403). The yearly "
                    + "assessment takes the latest figure valid at its fee schedule's populationReferenceDate.")
    @APIResponse(responseCode = "200", description = "One page of population figures")
    public Page<PopulationFigureView> populations(@PathParam("id") UUID id, @Valid @BeanParam PageRequest paging) {
        return municipalities.populations(caller.get(), id, paging.page, paging.size);
    }

    @GET
    @Path("/{id}/change-requests")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "listChangeRequestsOfMunicipality", summary = "A municipality's change requests, latest first",
            description = "Platform admins read any municipality's; its own admins and staff theirs (else 403). The accepted ones "
                    + "are the history of its fee-relevant master data (who, when, old → new).")
    @APIResponse(responseCode = "200", description = "One page of change requests")
    public Page<MunicipalityChangeRequestView> changeRequests(@PathParam("id") UUID id, @Valid @BeanParam PageRequest paging) {
        return changeRequests.ofMunicipality(caller.get(), id, paging.page, paging.size);
    }

    @POST
    @Path("/{id}/verify")
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "verifyMunicipality", summary = "Verify a municipality registered by its own admin (UNVERIFIED → VERIFIED)",
            description = "Only a verified municipality can be admitted. No body. Verifying a verified municipality changes nothing.")
    @APIResponse(responseCode = "200", description = "The verified municipality",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MunicipalityView.class)))
    @APIResponse(responseCode = "409", description = "The municipality was rejected (problem type municipality-verification-decided)")
    public MunicipalityView verify(@PathParam("id") UUID id) {
        return municipalities.verify(caller.get(), id);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "rejectMunicipality", summary = "Reject an unverified municipality and free its official key",
            description = "Resolves a key collision: the rejected registration keeps its record but no longer holds the official "
                    + "key, so the real municipality can register with it. A rejected municipality cannot apply or be admitted.")
    @APIResponse(responseCode = "200", description = "The rejected municipality",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MunicipalityView.class)))
    @APIResponse(responseCode = "409", description = "The municipality is verified or rejected already "
            + "(problem type municipality-verification-decided)")
    public MunicipalityView reject(@PathParam("id") UUID id, @Valid @NotNull RejectionRequest request) {
        return municipalities.reject(caller.get(), id, request.reason().trim());
    }
}
