package de.govtech.membership.memberships;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/memberships")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Memberships", description = "Application, admission, suspension, notice and end of memberships")
public class MembershipResource {

    private static final String ILLEGAL = "Not allowed in the membership's current state (problem type illegal-transition)";

    private final MembershipService memberships;
    private final CurrentCaller caller;

    public MembershipResource(MembershipService memberships, CurrentCaller caller) {
        this.memberships = memberships;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN})
    @Operation(operationId = "applyForMembership", summary = "Apply for membership (Aufnahmeantrag)",
            description = "By the municipality's own admin, or a platform admin on its behalf. The applicant accepts the "
                    + "current statutes version (govtech.membership.statutes-version)."
                    + " Refused with 422 for an unknown municipality or another than the current statutes version.")
    @APIResponse(responseCode = "201", description = "Applied; Location names the membership",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MembershipView.class)))
    @APIResponse(responseCode = "409", description = "The municipality has an open application or membership (problem+json)")
    public Response apply(@Valid @NotNull MembershipRequests.Application request, @Context UriInfo uri) {
        MembershipView created = memberships.apply(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "listMemberships", summary = "List memberships",
            description = "Platform admins see all (optionally of one municipality); others those of their own municipality.")
    @APIResponse(responseCode = "200", description = "One page of memberships, oldest application first")
    public Page<MembershipView> list(@QueryParam("municipalityId") UUID municipalityId, @Valid @BeanParam PageRequest paging) {
        return memberships.list(caller.get(), municipalityId, paging.page, paging.size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getMembership", summary = "Read one membership")
    @APIResponse(responseCode = "200", description = "The membership")
    public MembershipView get(@PathParam("id") UUID id) {
        return memberships.get(caller.get(), id);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getMembershipHistory", summary = "A membership's transitions, oldest first")
    @APIResponse(responseCode = "200", description = "from, to, who, when, why of every transition")
    public List<TransitionView> history(@PathParam("id") UUID id) {
        return memberships.history(caller.get(), id);
    }

    @POST
    @Path("/{id}/admit")
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "admitMembership", summary = "Admit an applicant (APPLIED → ACTIVE); emits member-joined")
    @APIResponse(responseCode = "200", description = "The now active membership")
    @APIResponse(responseCode = "409", description = ILLEGAL)
    public MembershipView admit(@PathParam("id") UUID id) {
        return memberships.admit(caller.get(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/reject")
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "rejectMembership", summary = "Reject an application (APPLIED → REJECTED); reason required")
    @APIResponse(responseCode = "200", description = "The rejected application")
    @APIResponse(responseCode = "409", description = ILLEGAL)
    public MembershipView reject(@PathParam("id") UUID id, @Valid @NotNull MembershipRequests.Reason request) {
        return memberships.reject(caller.get(), id, request.reason().trim());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/suspend")
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "suspendMembership", summary = "Suspend a member (ACTIVE → SUSPENDED); emits member-suspended")
    @APIResponse(responseCode = "200", description = "The suspended membership")
    @APIResponse(responseCode = "409", description = ILLEGAL)
    public MembershipView suspend(@PathParam("id") UUID id, @Valid @NotNull MembershipRequests.Reason request) {
        return memberships.suspend(caller.get(), id, request.reason().trim());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/reinstate")
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "reinstateMembership", summary = "Reinstate a suspended member (SUSPENDED → ACTIVE); emits member-reinstated")
    @APIResponse(responseCode = "200", description = "The active membership")
    @APIResponse(responseCode = "409", description = ILLEGAL)
    public MembershipView reinstate(@PathParam("id") UUID id, @Valid @NotNull MembershipRequests.Reason request) {
        return memberships.reinstate(caller.get(), id, request.reason().trim());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/give-notice")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN})
    @Operation(operationId = "giveMembershipNotice", summary = "Give notice (Kündigung; ACTIVE → NOTICE_GIVEN)",
            description = "By the municipality's own admin or a platform admin. The body is optional (no body, or {}). The membership's last day (leavesOn) is the "
                    + "end of the calendar quarter in which the notice period (govtech.membership.notice-period) expires.")
    @APIResponse(responseCode = "200", description = "The membership with noticeGivenOn and leavesOn")
    @APIResponse(responseCode = "409", description = ILLEGAL)
    public MembershipView giveNotice(@PathParam("id") UUID id, @Valid MembershipRequests.Notice request) {
        return memberships.giveNotice(caller.get(), id, request == null || request.reason() == null ? null : request.reason().trim());
    }

    @POST
    @Path("/end-due")
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "endDueMemberships", summary = "End memberships whose last day has passed (NOTICE_GIVEN → ENDED)",
            description = "Emits member-left for each. Safe to run repeatedly and on several instances.")
    @APIResponse(responseCode = "200", description = "The memberships ended by this run")
    public EndedMemberships endDue() {
        return memberships.endDue(caller.get());
    }
}
