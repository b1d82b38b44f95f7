package de.govtech.solutions.proposals;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/solutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Solutions", description = "Proposals for municipal solutions and their lifecycle up to release for reuse")
public class SolutionResource {

    private static final String ILLEGAL = "Not allowed in the solution's current status (problem type illegal-transition)";
    private static final String READERS_ONLY = "Vendors and users of municipalities that are no active members are refused";

    private final SolutionService solutions;
    private final CurrentCaller caller;

    public SolutionResource(SolutionService solutions, CurrentCaller caller) {
        this.solutions = solutions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN})
    @Operation(operationId = "proposeSolution", summary = "Propose a solution (status PROPOSED); emits solution-proposed",
            description = "By the admin of an ACTIVE member municipality for its own municipality, or by a platform admin."
                    + " Refused with 422 when a category is unknown, or the named municipality is no active member.")
    @APIResponse(responseCode = "201", description = "Proposed; Location names the solution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SolutionViews.SolutionView.class)))
    public Response propose(@Valid @NotNull SolutionRequests.Proposal request, @Context UriInfo uri) {
        SolutionViews.SolutionView created = solutions.propose(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "listSolutions", summary = "List solutions, newest proposal first", description = READERS_ONLY)
    @APIResponse(responseCode = "200", description = "One page of solutions (without history)")
    public SolutionViews.SolutionPage list(
            @Parameter(description = "only in this status") @QueryParam("status") SolutionStatus status,
            @Parameter(description = "one of GET /solutions/categories") @QueryParam("category") String category,
            @Valid @BeanParam PageRequest paging) {
        return SolutionViews.SolutionPage.of(solutions.list(caller.get(), status, category == null || category.isBlank() ? null : category.strip(),
                paging.page, paging.size));
    }

    @GET
    @Path("/categories")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "listSolutionCategories", summary = "The managed list of solution categories")
    @APIResponse(responseCode = "200", description = "The categories a proposal may name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SolutionViews.CategoryList.class)))
    public SolutionViews.CategoryList categories() {
        return new SolutionViews.CategoryList(solutions.categories(caller.get()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getSolution", summary = "Read one solution with its history", description = READERS_ONLY)
    @APIResponse(responseCode = "200", description = "The solution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SolutionViews.SolutionView.class)))
    public SolutionViews.SolutionView get(@PathParam("id") UUID id) {
        return solutions.get(caller.get(), id);
    }

    @POST
    @Path("/{id}/shortlist")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "shortlistSolution", summary = "Shortlist (PROPOSED → SHORTLISTED); emits solution-status-changed")
    @APIResponse(responseCode = "200", description = "The shortlisted solution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SolutionViews.SolutionView.class)))
    @APIResponse(responseCode = "409", description = ILLEGAL)
    public SolutionViews.SolutionView shortlist(@PathParam("id") UUID id, @Valid @NotNull SolutionRequests.Reason request) {
        return solutions.change(caller.get(), id, SolutionAction.SHORTLIST, request.reason().strip(), null);
    }

    @POST
    @Path("/{id}/start-pilot")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "startSolutionPilot", summary = "Start the pilot (PROPOSED or SHORTLISTED → IN_PILOT); emits solution-status-changed")
    @APIResponse(responseCode = "200", description = "The solution in pilot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SolutionViews.SolutionView.class)))
    @APIResponse(responseCode = "409", description = ILLEGAL)
    public SolutionViews.SolutionView startPilot(@PathParam("id") UUID id, @Valid @NotNull SolutionRequests.Reason request) {
        return solutions.change(caller.get(), id, SolutionAction.START_PILOT, request.reason().strip(), null);
    }

    @POST
    @Path("/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "releaseSolution", summary = "Release for reuse (IN_PILOT → AVAILABLE_FOR_REUSE); emits "
            + "solution-status-changed and solution-released-for-reuse",
            description = "Licence, short description, repository and development status come from the imported "
                    + "publiccode.yml; without one the licence is required in the body."
                    + " Refused with 422 when no licence is known for the solution (naming licence).")
    @APIResponse(responseCode = "200", description = "The released solution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SolutionViews.SolutionView.class)))
    @APIResponse(responseCode = "409", description = ILLEGAL)
    public SolutionViews.SolutionView release(@PathParam("id") UUID id, @Valid @NotNull SolutionRequests.Release request) {
        return solutions.change(caller.get(), id, SolutionAction.RELEASE, request.reason().strip(), request.licence());
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "retireSolution", summary = "Retire (AVAILABLE_FOR_REUSE → RETIRED); emits solution-status-changed and solution-retired")
    @APIResponse(responseCode = "200", description = "The retired solution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SolutionViews.SolutionView.class)))
    @APIResponse(responseCode = "409", description = ILLEGAL)
    public SolutionViews.SolutionView retire(@PathParam("id") UUID id, @Valid @NotNull SolutionRequests.Reason request) {
        return solutions.change(caller.get(), id, SolutionAction.RETIRE, request.reason().strip(), null);
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "declineSolution", summary = "Decline (PROPOSED, SHORTLISTED or IN_PILOT → DECLINED); emits solution-status-changed")
    @APIResponse(responseCode = "200", description = "The declined solution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SolutionViews.SolutionView.class)))
    @APIResponse(responseCode = "409", description = ILLEGAL)
    public SolutionViews.SolutionView decline(@PathParam("id") UUID id, @Valid @NotNull SolutionRequests.Reason request) {
        return solutions.change(caller.get(), id, SolutionAction.DECLINE, request.reason().strip(), null);
    }
}
