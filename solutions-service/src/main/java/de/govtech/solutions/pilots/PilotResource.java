package de.govtech.solutions.pilots;

import de.govtech.platform.support.security.PlatformRoles;
import de.govtech.platform.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("/solutions/{id}/pilot")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pilots", description = "Pilots with tech partners and pilot municipalities, their plan and status notes")
public class PilotResource {

    private final PilotService pilots;
    private final CurrentCaller caller;

    public PilotResource(PilotService pilots, CurrentCaller caller) {
        this.pilots = pilots;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "createPilot", summary = "Create the solution's pilot with its plan",
            description = "Refused with 422 when a milestone is due before the start or before the previous one")
    @APIResponse(responseCode = "201", description = "Created; Location names the pilot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PilotView.class)))
    @APIResponse(responseCode = "409", description = "The solution has a pilot already, or is DECLINED or RETIRED")
    public Response create(@PathParam("id") UUID id, @Valid @NotNull PilotRequests.Plan plan, @Context UriInfo uri) {
        PilotView created = pilots.create(caller.get(), id, plan);
        return Response.created(uri.getAbsolutePath()).entity(created).build();
    }

    @GET
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getPilot", summary = "Read the solution's pilot",
            description = "For platform admins and users of active member municipalities.")
    @APIResponse(responseCode = "200", description = "The pilot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PilotView.class)))
    public PilotView get(@PathParam("id") UUID id) {
        return pilots.get(caller.get(), id);
    }

    @PUT
    @Path("/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "replanPilot", summary = "Replace the pilot's plan (start and milestones)",
            description = "Refused with 422 when a milestone is due before the start or before the previous one")
    @APIResponse(responseCode = "200", description = "The pilot with its new plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PilotView.class)))
    public PilotView replan(@PathParam("id") UUID id, @Valid @NotNull PilotRequests.Plan plan) {
        return pilots.replan(caller.get(), id, plan);
    }

    @POST
    @Path("/partners")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "addTechPartner", summary = "Add a tech partner (DEVELOPER, OPERATOR or CONSULTANT)")
    @APIResponse(responseCode = "200", description = "The pilot with the partner",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PilotView.class)))
    public PilotView addPartner(@PathParam("id") UUID id, @Valid @NotNull PilotRequests.Partner partner) {
        return pilots.addPartner(caller.get(), id, partner);
    }

    @DELETE
    @Path("/partners/{partnerId}")
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "removeTechPartner", summary = "Remove a tech partner")
    @APIResponse(responseCode = "200", description = "The pilot without the partner",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PilotView.class)))
    public PilotView removePartner(@PathParam("id") UUID id, @PathParam("partnerId") UUID partnerId) {
        return pilots.removePartner(caller.get(), id, partnerId);
    }

    @PUT
    @Path("/municipalities/{municipalityId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "setPilotMunicipality", summary = "Add a member municipality to the pilot or change its role",
            description = "The LEAD municipality's admin also decides reuse requests for the solution."
                    + " Refused with 422 when the municipality is no active member")
    @APIResponse(responseCode = "200", description = "The pilot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PilotView.class)))
    @APIResponse(responseCode = "409", description = "Another municipality leads the pilot (problem type pilot-lead-taken)")
    public PilotView setMunicipality(@PathParam("id") UUID id, @PathParam("municipalityId") UUID municipalityId,
                                     @Valid @NotNull PilotRequests.Municipality request) {
        return pilots.setMunicipality(caller.get(), id, municipalityId, request);
    }

    @DELETE
    @Path("/municipalities/{municipalityId}")
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "removePilotMunicipality", summary = "Remove a municipality from the pilot")
    @APIResponse(responseCode = "200", description = "The pilot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PilotView.class)))
    public PilotView removeMunicipality(@PathParam("id") UUID id, @PathParam("municipalityId") UUID municipalityId) {
        return pilots.removeMunicipality(caller.get(), id, municipalityId);
    }

    @POST
    @Path("/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "addPilotNote", summary = "Add a status note")
    @APIResponse(responseCode = "200", description = "The pilot with the note",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PilotView.class)))
    public PilotView addNote(@PathParam("id") UUID id, @Valid @NotNull PilotRequests.Note note) {
        return pilots.addNote(caller.get(), id, note);
    }
}
