package de.govtech.solutions.rounds;

import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.security.PlatformRoles;
import de.govtech.platform.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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

@Path("/selection-rounds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Selection rounds", description = "The members choose pilots: rounds, ballots and results")
public class RoundResource {

    private final RoundService rounds;
    private final CurrentCaller caller;

    public RoundResource(RoundService rounds, CurrentCaller caller) {
        this.rounds = rounds;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "openSelectionRound", summary = "Open a pilot selection round; emits selection-round-opened",
            description = "Refused with 422 when a candidate is unknown, repeated or not PROPOSED/SHORTLISTED, or the "
                    + "window is not in the future (problem+json naming each field)")
    @APIResponse(responseCode = "201", description = "Opened; Location names the round",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundViews.RoundView.class)))
    public Response open(@Valid @NotNull RoundRequest request, @Context UriInfo uri) {
        RoundViews.RoundView created = rounds.open(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "listSelectionRounds", summary = "List selection rounds, newest first",
            description = "For platform admins and users of active member municipalities.")
    @APIResponse(responseCode = "200", description = "One page of rounds")
    public RoundViews.SelectionRoundPage list(@Valid @BeanParam PageRequest paging) {
        return RoundViews.SelectionRoundPage.of(rounds.list(caller.get(), paging.page, paging.size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getSelectionRound", summary = "Read one round (with its results once closed)")
    @APIResponse(responseCode = "200", description = "The round",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundViews.RoundView.class)))
    public RoundViews.RoundView get(@PathParam("id") UUID id) {
        return rounds.get(caller.get(), id);
    }

    @GET
    @Path("/{id}/results")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getSelectionRoundResults", summary = "The ranking with totals and turnout",
            description = "Platform admins see a provisional count while the round is open; everyone else gets 403 "
                    + "results-hidden until the round is closed.")
    @APIResponse(responseCode = "200", description = "The results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundViews.ResultsView.class)))
    public RoundViews.ResultsView results(@PathParam("id") UUID id) {
        return rounds.results(caller.get(), id);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "closeSelectionRound", summary = "Close the round and publish its ranking; emits selection-round-closed",
            description = "Also before the voting window ends (voting ends with the close). Turnout counts ballots of "
                    + "members ACTIVE at the close among all ACTIVE members.")
    @APIResponse(responseCode = "200", description = "The closed round with its results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundViews.RoundView.class)))
    @APIResponse(responseCode = "409", description = "The round is already closed (problem+json)")
    public RoundViews.RoundView close(@PathParam("id") UUID id) {
        return rounds.close(caller.get(), id);
    }

    @PUT
    @Path("/{id}/ballots/{municipalityId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.MUNICIPALITY_ADMIN)
    @Operation(operationId = "castBallot", summary = "Cast or replace the municipality's one ballot",
            description = "By the admin of that ACTIVE member municipality, while the round is open and its voting window runs."
                    + " Refused with 422 when an allocation names no candidate or one twice, or gives negative or too many "
                    + "points (problem type invalid-ballot, naming each allocation)")
    @APIResponse(responseCode = "200", description = "The stored ballot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundViews.BallotView.class)))
    @APIResponse(responseCode = "409", description = "The round is closed or its voting window is not running (problem type voting-closed)")
    public RoundViews.BallotView cast(@PathParam("id") UUID id, @PathParam("municipalityId") UUID municipalityId,
                                      @Valid @NotNull BallotRequest request) {
        return rounds.cast(caller.get(), id, municipalityId, request);
    }

    @GET
    @Path("/{id}/ballots/{municipalityId}")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getBallot", summary = "Read the municipality's ballot",
            description = "By that municipality's admin or staff, or a platform admin.")
    @APIResponse(responseCode = "200", description = "The ballot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundViews.BallotView.class)))
    public RoundViews.BallotView ballot(@PathParam("id") UUID id, @PathParam("municipalityId") UUID municipalityId) {
        return rounds.ballot(caller.get(), id, municipalityId);
    }
}
